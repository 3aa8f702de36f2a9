#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::sanitizer(hash)]
pub fn digest(s: &str) -> String {
    format!("{:x}", s.len() * 2654435761)
}

pub fn close_visit(p: &Patient) {
    audit(&digest(&p.diagnosis)); //~ baseline/phi-to-log
}
