#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn digest(patients: Vec<Patient>) {
    let lines: Vec<String> = patients.into_iter().map(|p| p.diagnosis).collect();
    audit(&lines.join("\n")); //~ baseline/phi-to-log
}
