#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn record_diagnosis(text: &str) {
    audit(text);
}
