#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

/// Called by the app crate with whatever it wants recorded.
pub fn record_diagnosis(text: &str) {
    audit(text); //~ baseline/phi-to-log
}
