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
    let line = format!("{:>6} {}", p.id, p.diagnosis);
    audit(&line); //~ baseline/phi-to-log
}
