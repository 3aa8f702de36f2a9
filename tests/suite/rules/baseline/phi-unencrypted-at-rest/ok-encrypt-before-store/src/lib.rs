//! Near miss: the value is encrypted by the application before it is stored.

#[privflow::data]
pub struct LabResult {
    pub id: u64,
    #[phi]
    pub value: String,
}

#[privflow::sanitizer(encrypt)]
pub fn seal(v: &str) -> Vec<u8> {
    v.bytes().map(|b| b ^ 0x5a).collect()
}

#[privflow::sink(kind = "storage")]
pub fn insert_blob(_id: u64, _blob: &[u8]) {}

pub fn save(r: &LabResult) {
    insert_blob(r.id, &seal(&r.value));
}
