#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn latest(p: Option<Patient>) {
    let d = p.map(|p| p.diagnosis).unwrap_or_else(|| "none".to_string());
    audit(&d); //~ baseline/phi-to-log
}
