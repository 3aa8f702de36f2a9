#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

/// Branching on health data is an implicit flow, which is not tracked.
pub fn triage(p: &Patient) {
    if p.diagnosis.starts_with("I21") {
        audit("cardiac alert raised");
    }
}
