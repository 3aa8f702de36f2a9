#[privflow::data]
pub struct Prescription {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
    #[phi]
    pub medication: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::sanitizer(redact)]
pub fn redact(s: &str) -> String {
    "*".repeat(s.len())
}

pub fn dispense(rx: &Prescription) {
    let dx = redact(&rx.diagnosis);
    let med = redact(&rx.medication);
    audit(&format!("{dx}: {med}"));
}
