#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn intake(id: u64, dx: &str) {
    let p = Patient { id, diagnosis: dx.trim().to_string() };
    audit(&p.diagnosis); //~ baseline/phi-to-log
}
