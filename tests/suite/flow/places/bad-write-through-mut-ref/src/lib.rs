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
    let mut note = String::new();
    let r = &mut note;
    *r = p.diagnosis.clone();
    audit(&note); //~ baseline/phi-to-log
}
