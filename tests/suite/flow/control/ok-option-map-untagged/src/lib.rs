#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn latest(p: Option<&Patient>) {
    let id = p.map(|p| p.id);
    audit(&id.unwrap_or_default().to_string());
}
