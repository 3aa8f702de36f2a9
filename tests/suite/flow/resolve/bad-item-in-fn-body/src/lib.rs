#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) {
    #[privflow::sink(kind = "log")]
    fn audit(_line: &str) {}

    audit(&p.diagnosis); //~ baseline/phi-to-log
}
