#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn show(p: &Patient) {
    let pair = (p.id, p.diagnosis.clone());
    audit(&pair.1); //~ baseline/phi-to-log
}
