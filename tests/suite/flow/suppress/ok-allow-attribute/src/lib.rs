//! `#[privflow::allow]` on the function suppresses the finding inside it.
#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::allow(rule = "baseline/phi-to-log", reason = "the audit log is the medical record itself")]
pub fn record(p: &Patient) {
    audit(&p.diagnosis);
}
