//! A symptom name (health data) is sent to a product-analytics vendor.

#[privflow::data]
pub struct Symptom {
    pub id: u64,
    #[phi]
    pub name: String,
}

#[privflow::sink(kind = "analytics", recipient = "Segment")]
pub fn track(_event: &str, _prop: &str) {}

pub fn record(s: &Symptom) {
    track("symptom_logged", &s.name); //~ baseline/phi-to-third-party-tracking
}
