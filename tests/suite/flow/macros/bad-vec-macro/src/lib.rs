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
    let cols = vec![p.id.to_string(), p.diagnosis.clone()];
    audit(&cols.join(";")); //~ baseline/phi-to-log
}
