//! A `// privflow-allow:` comment on the line above suppresses the finding on that line only.
#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn record(p: &Patient) {
    // privflow-allow: baseline/phi-to-log -- the audit log is the medical record itself
    audit(&p.diagnosis);
}
