// Not part of the crate: no `mod` loads this file.
#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}
