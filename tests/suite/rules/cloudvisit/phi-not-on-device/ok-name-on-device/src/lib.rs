//! Near miss: the device keeps the patient's display name, not health data.

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

pub fn open(p: &Prescription) {
    cache_offline("display_name", &p.patient_name);
}
