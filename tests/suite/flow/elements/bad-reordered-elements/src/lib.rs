#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

// A reordered copy does not keep its positions.
pub fn show(p: &Patient) {
    let row = vec![String::new(), p.diagnosis.clone()];
    let reversed: Vec<String> = row.iter().rev().cloned().collect();
    audit(&reversed[0]); //~ baseline/phi-to-log
}
