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

/// Local draft buffer; shadows `sinks::audit` brought in by the glob.
fn audit(_line: &str) {}

pub fn close_visit(p: &Patient) {
    audit(&p.diagnosis);
}
