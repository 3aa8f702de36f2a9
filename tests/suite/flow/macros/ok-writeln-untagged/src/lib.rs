#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

use std::fmt::Write;

pub fn close_visit(p: &Patient) {
    let mut out = String::new();
    writeln!(out, "#{} closed", p.id).unwrap();
    audit(&out);
}
