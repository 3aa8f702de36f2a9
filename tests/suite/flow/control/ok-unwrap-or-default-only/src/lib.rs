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
    let shown = p.map(|p| p.id.to_string()).unwrap_or("none".to_string());
    audit(&shown);
}
