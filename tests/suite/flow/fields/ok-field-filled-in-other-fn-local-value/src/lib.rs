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

/// This `Visit` is built here, and nothing fills it.
pub fn welcome(p: &Patient) {
    let v = Visit { summary: String::from("welcome"), room: 3 };
    audit(&v.summary);
    audit(&format!("{v:?} for {}", p.id));
}
