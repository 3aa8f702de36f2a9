//! Health data used to build an advertising audience.

#[privflow::data]
pub struct Symptom {
    pub id: u64,
    #[phi]
    pub name: String,
}

#[privflow::sink(kind = "advertising")]
pub fn add_to_audience(_segment: &str) {}

pub fn record(s: &Symptom) {
    add_to_audience(&s.name); //~ baseline/phi-to-third-party-tracking
}
