//! Near miss: the device keeps a redacted placeholder.

#[privflow::data]
pub struct Prescription {
    pub id: u64,
    #[pii(category = "user.name")]
    pub patient_name: String,
    #[phi]
    pub drug: String,
}

#[privflow::sink(kind = "device")]
pub fn cache_offline(_key: &str, _value: &str) {}

#[privflow::sanitizer(redact)]
pub fn redact(_s: &str) -> String {
    "•••".to_string()
}

pub fn open(p: &Prescription) {
    cache_offline("last_prescription", &redact(&p.drug));
}
