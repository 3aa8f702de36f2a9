#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

// A write at an index not known statically may reach any element.
pub fn show(p: &Patient, at: usize) {
    let mut cells = [String::new(), String::new()];
    cells[at] = p.diagnosis.clone();
    audit(&cells[0]); //~ baseline/phi-to-log
}
