#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}
