#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn show(p: &Patient) {
    let [_label, diagnosis] = [p.id.to_string(), p.diagnosis.clone()];
    audit(&diagnosis); //~ baseline/phi-to-log
}
