use privflow::{data, sink};

#[data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn close_visit(p: &Patient) {
    audit(&p.diagnosis); //~ baseline/phi-to-log
}
