//! Near miss: the table encrypts at rest.

#[privflow::data]
pub struct LabResult {
    pub id: u64,
    #[phi]
    pub value: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn insert_lab_result(_r: &LabResult) {}

pub fn save(r: &LabResult) {
    insert_lab_result(r);
}
