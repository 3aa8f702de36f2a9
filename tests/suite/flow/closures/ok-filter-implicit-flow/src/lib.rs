#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

/// Selecting by diagnosis is an implicit flow: only the ids are logged.
pub fn flagged(patients: &Vec<Patient>) {
    patients.iter().filter(|p| p.diagnosis.starts_with('E')).for_each(|p| audit(&p.id.to_string()));
}
