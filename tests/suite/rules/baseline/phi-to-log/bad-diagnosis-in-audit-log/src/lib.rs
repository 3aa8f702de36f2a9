//! Writing a visit's diagnosis to the audit log puts health data in the log.

#[privflow::data]
pub struct Visit {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn close_visit(v: &Visit) {
    audit(&v.diagnosis); //~ baseline/phi-to-log
}
