#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use telemetry_macros::sink;

#[sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn close_visit(p: &Patient) {
    audit(&p.diagnosis);
}
