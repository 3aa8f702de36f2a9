#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

mod sinks {
    #[privflow::sink(kind = "log")]
    pub fn audit(_line: &str) {}
}

use crate::sinks::*;

pub fn close_visit(p: &Patient) {
    audit(&p.diagnosis); //~ baseline/phi-to-log
}
