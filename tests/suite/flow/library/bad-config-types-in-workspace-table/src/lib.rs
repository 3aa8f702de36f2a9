use fhir_models::Observation;

pub fn ingest(obs: Vec<Observation>) {
    for o in &obs {
        tracing::debug!(?o, "ingested"); //~ baseline/phi-to-log
    }
}

// A field of the library type is health data too.
pub fn status(o: &Observation) {
    println!("status {}", o.status); //~ baseline/phi-to-log
}
