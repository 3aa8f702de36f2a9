//! Lab results go into a table that is not encrypted.

#[privflow::data]
pub struct LabResult {
    pub id: u64,
    #[phi]
    pub value: String,
}

#[privflow::sink(kind = "storage")]
pub fn insert_lab_result(_r: &LabResult) {}

pub fn save(r: &LabResult) {
    insert_lab_result(r); //~ baseline/phi-unencrypted-at-rest
}
