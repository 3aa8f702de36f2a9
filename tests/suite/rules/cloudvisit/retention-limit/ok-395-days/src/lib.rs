//! Near miss: exactly 30 days plus one year.

#[privflow::data]
pub struct Upload {
    pub id: u64,
    #[pii(category = "user.content")]
    pub file: Vec<u8>,
}

#[privflow::sink(kind = "storage", encrypted = true, retention_days = 395)]
pub fn put_object(_key: u64, _bytes: &[u8]) {}

pub fn upload(u: &Upload) {
    put_object(u.id, &u.file);
}
