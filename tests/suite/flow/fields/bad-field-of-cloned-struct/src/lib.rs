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
    let copy = p.clone();
    let Patient { id, .. } = copy.clone();
    audit(&id.to_string());
    audit(&copy.diagnosis); //~ baseline/phi-to-log
}
