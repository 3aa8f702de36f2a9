#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn close_visit(p: &Patient) {
    /// Local to this function: shadows the crate-level sink `audit`.
    fn audit(_line: &str) {}

    audit(&p.diagnosis);
}
