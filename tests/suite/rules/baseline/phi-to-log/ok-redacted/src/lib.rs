//! Near miss: the diagnosis is redacted before it is logged.

#[privflow::data]
pub struct Visit {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sanitizer(redact)]
pub fn redact(_s: &str) -> String {
    "[redacted]".to_string()
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn close_visit(v: &Visit) {
    audit(&redact(&v.diagnosis));
}
