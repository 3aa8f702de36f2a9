#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

// An array literal keeps its elements apart: the other element holds no diagnosis.
pub fn show(p: &Patient) {
    let pair = [p.diagnosis.clone(), p.id.to_string()];
    audit(&pair[1]);
}
