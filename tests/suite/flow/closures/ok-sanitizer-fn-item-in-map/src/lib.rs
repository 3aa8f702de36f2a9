//! A sanitizer handed to `map` as a fn item redacts every element: what is logged is redacted.
#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::sanitizer(redact)]
pub fn redact(_s: &String) -> String {
    "***".to_string()
}

pub fn close_visits(ps: &[Patient]) {
    let diagnoses: Vec<String> = ps.iter().map(|p| p.diagnosis.clone()).collect();
    let redacted: Vec<String> = diagnoses.iter().map(redact).collect();
    for r in &redacted {
        audit(r);
    }
}
