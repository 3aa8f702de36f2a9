//! A hash is not anonymization: hashed health data is still health data.

#[privflow::data]
pub struct Visit {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sanitizer(hash)]
pub fn digest(s: &str) -> String {
    format!("{:x}", s.len())
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn close_visit(v: &Visit) {
    audit(&digest(&v.diagnosis)); //~ baseline/phi-to-log
}
