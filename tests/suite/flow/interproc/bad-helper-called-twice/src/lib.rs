#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn note(line: &str) {
    audit(line); //~ baseline/phi-to-log
}

pub fn close_visit(p: &Patient) {
    note("closing visit");
    note(&p.diagnosis);
}
