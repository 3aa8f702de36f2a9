#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "storage")]
pub fn save(_row: &[u8]) {}

#[privflow::sanitizer(redact)]
pub fn redact(s: &str) -> String {
    "*".repeat(s.len())
}

pub fn archive(p: &Patient) {
    save(redact(&p.diagnosis).as_bytes());
}
