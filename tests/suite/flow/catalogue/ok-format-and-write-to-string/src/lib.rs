#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use std::fmt::Write;

/// Formatting into memory is not a sink.
pub fn close_visit(p: &Patient) -> String {
    let mut s = format!("{}", p.diagnosis);
    write!(s, " / {}", p.diagnosis).unwrap();
    s
}
