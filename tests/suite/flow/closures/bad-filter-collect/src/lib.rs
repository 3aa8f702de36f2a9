#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn flagged(patients: &Vec<Patient>) {
    let chronic: Vec<&String> = patients.iter().map(|p| &p.diagnosis).filter(|d| d.starts_with('E')).collect();
    for d in chronic {
        audit(d); //~ baseline/phi-to-log
    }
}
