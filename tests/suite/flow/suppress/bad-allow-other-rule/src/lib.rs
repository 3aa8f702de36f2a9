//! An allow for another rule suppresses nothing here (and is itself reported as unused).
#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::allow(rule = "baseline/pii-to-log", reason = "names are fine in this log")]
pub fn record(p: &Patient) {
    audit(&p.diagnosis); //~ baseline/phi-to-log
}
