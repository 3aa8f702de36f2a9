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

mod ui {
    pub fn show(_line: &str) {}
}

use crate::ui::show as audit;

pub fn close_visit(p: &Patient) {
    audit(&p.diagnosis);
}
