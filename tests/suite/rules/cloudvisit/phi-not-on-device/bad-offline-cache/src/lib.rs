//! The prescribed drug is cached on the phone for offline use.

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
    cache_offline("last_prescription", &p.drug); //~ cloudvisit/phi-not-on-device
}
