#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[derive(Debug, Default)]
pub struct Visit {
    pub summary: String,
    pub room: u32,
}

pub fn record(p: &Patient, v: &mut Visit) {
    v.summary = p.diagnosis.clone();
}

/// Any `Visit` handed in may be one `record` filled.
pub fn print(v: &Visit) {
    audit(&v.summary); //~ baseline/phi-to-log
}
