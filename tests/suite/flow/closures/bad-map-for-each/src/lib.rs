#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn nightly(patients: &[Patient]) {
    patients.iter().map(|p| &p.diagnosis).for_each(|d| audit(d)); //~ baseline/phi-to-log
}
