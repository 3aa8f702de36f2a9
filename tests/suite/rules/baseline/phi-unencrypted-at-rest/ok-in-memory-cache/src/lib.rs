//! Near miss: an in-memory cache is not persistent storage.

#[privflow::data]
pub struct LabResult {
    pub id: u64,
    #[phi]
    pub value: String,
}

#[privflow::sink(kind = "storage", persistent = false)]
pub fn cache_put(_key: u64, _value: &str) {}

pub fn warm(r: &LabResult) {
    cache_put(r.id, &r.value);
}
