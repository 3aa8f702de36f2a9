#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "storage")]
pub fn save(_row: &[u8]) {}

#[privflow::sanitizer(hash)]
pub fn digest(s: &str) -> String {
    format!("{:x}", s.len() * 2654435761)
}

pub fn archive(p: &Patient) {
    save(digest(&p.diagnosis).as_bytes()); //~ baseline/phi-unencrypted-at-rest
}
