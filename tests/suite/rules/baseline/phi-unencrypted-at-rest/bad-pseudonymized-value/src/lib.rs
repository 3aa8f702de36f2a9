//! Pseudonymization lifts nothing: the stored value is still health data, stored in clear.

#[privflow::data]
pub struct LabResult {
    pub id: u64,
    #[phi]
    pub value: String,
}

#[privflow::sanitizer(pseudonymize)]
pub fn pseudonymize(v: &str) -> String {
    v.chars().rev().collect()
}

#[privflow::sink(kind = "storage")]
pub fn insert_value(_v: &str) {}

pub fn save(r: &LabResult) {
    insert_value(&pseudonymize(&r.value)); //~ baseline/phi-unencrypted-at-rest
}
