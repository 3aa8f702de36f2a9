#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use opentelemetry::trace::{Span, Tracer};

pub fn annotate(p: &Patient) {
    let tracer = opentelemetry::global::tracer("clinic");
    let mut span = tracer.start("triage");
    span.set_attribute(opentelemetry::KeyValue::new("diagnosis", p.diagnosis.clone())); //~ cloudvisit/phi-stays-in-us
    span.end();
}
