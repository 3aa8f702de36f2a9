#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn digest(patients: &[Patient]) {
    let all = patients.iter().fold(String::new(), |acc, p| acc + &p.id.to_string() + ";");
    audit(&all);
}
