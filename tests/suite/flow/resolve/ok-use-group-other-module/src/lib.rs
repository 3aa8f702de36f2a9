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

    #[privflow::sink(kind = "storage")]
    pub fn save(_row: &str) {}
}

mod draft {
    pub fn audit(_line: &str) {}
    pub fn save(_row: &str) {}
}

use crate::draft::{audit, save};

pub fn close_visit(p: &Patient) {
    audit(&p.diagnosis);
    save(&p.diagnosis);
}
