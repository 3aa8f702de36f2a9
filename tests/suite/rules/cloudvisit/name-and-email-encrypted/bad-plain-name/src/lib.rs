//! The name is stored in clear.

#[privflow::data]
pub struct Member {
    pub id: u64,
    #[pii(category = "user.name")]
    pub full_name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "storage", retention_days = 30)]
pub fn upsert_name(_id: u64, _name: &str) {}

pub fn register(m: &Member) {
    upsert_name(m.id, &m.full_name); //~ cloudvisit/name-and-email-encrypted
}
