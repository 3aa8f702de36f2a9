//! Near miss: only an anonymized bucket leaves for analytics.

#[privflow::data]
pub struct Symptom {
    pub id: u64,
    #[phi]
    pub name: String,
}

#[privflow::sanitizer(anonymize)]
pub fn category_bucket(_name: &str) -> String {
    "respiratory".to_string()
}

#[privflow::sink(kind = "analytics", recipient = "Segment")]
pub fn track(_event: &str, _prop: &str) {}

pub fn record(s: &Symptom) {
    track("symptom_logged", &category_bucket(&s.name));
}
