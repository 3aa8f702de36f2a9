#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::sanitizer(redact)]
pub fn redact(s: &str) -> String {
    "*".repeat(s.len())
}

pub fn close_visit(p: &Patient) {
    let msg = format!("{} ({})", redact(&p.diagnosis), p.diagnosis);
    audit(&msg); //~ baseline/phi-to-log
}
