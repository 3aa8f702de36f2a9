use fhir_models::Observation;

// Near miss: how many observations arrived is no health data.
pub fn ingest(obs: Vec<Observation>) {
    tracing::debug!(count = obs.len(), "ingested");
}
