#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

// A write at a constant index changes that element only; another at the same index clears it.
pub fn show(p: &Patient) {
    let mut cells = [String::new(), String::new()];
    cells[1] = p.diagnosis.clone();
    audit(&cells[0]);
    cells[1] = String::from("redacted");
    audit(&cells[1]);
}
