//! Near miss: name and e-mail are encrypted before they are stored.

#[privflow::data]
pub struct Member {
    pub id: u64,
    #[pii(category = "user.name")]
    pub full_name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sanitizer(encrypt)]
pub fn seal(v: &str) -> Vec<u8> {
    v.bytes().map(|b| b.rotate_left(3)).collect()
}

#[privflow::sink(kind = "storage", retention_days = 30)]
pub fn upsert_member(_id: u64, _name: &[u8], _email: &[u8]) {}

pub fn register(m: &Member) {
    upsert_member(m.id, &seal(&m.full_name), &seal(&m.email));
}
