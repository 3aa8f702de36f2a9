#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn annotate(p: &Patient) {
    tracing::Span::current().record("diagnosis", p.diagnosis.as_str()); //~ cloudvisit/phi-stays-in-us
}
