//! Near miss: the tracking event carries no health data.

#[privflow::data]
pub struct Symptom {
    pub id: u64,
    #[phi]
    pub name: String,
}

#[privflow::sink(kind = "analytics", recipient = "Segment")]
pub fn track(_event: &str, _prop: &str) {}

pub fn record(s: &Symptom) {
    let _ = s.id;
    track("symptom_logged", "mobile");
}
