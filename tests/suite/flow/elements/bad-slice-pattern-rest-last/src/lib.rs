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
    let row = vec![p.id.to_string(), String::from("mid"), p.diagnosis.clone()];
    if let [_first, .., last] = row.as_slice() {
        audit(last); //~ baseline/phi-to-log
    }
}
