//! Near miss: the application encrypts the notes before storing them.

#[privflow::data]
pub struct Encounter {
    pub id: u64,
    #[phi]
    pub notes: String,
}

#[privflow::sanitizer(encrypt)]
pub fn aes256(v: &str) -> Vec<u8> {
    v.bytes().rev().collect()
}

#[privflow::sink(kind = "storage", retention_days = 30)]
pub fn insert_blob(_id: u64, _blob: &[u8]) {}

pub fn finish(e: &Encounter) {
    insert_blob(e.id, &aes256(&e.notes));
}
