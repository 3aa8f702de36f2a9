#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

/// A plain row of the export; no markers of its own.
pub struct Row {
    pub n: u64,
    pub text: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn export(p: &Patient) {
    let mut row = Row { n: p.id, text: p.diagnosis.clone() };
    row.n = 0;
    audit(&row.text); //~ baseline/phi-to-log
}
