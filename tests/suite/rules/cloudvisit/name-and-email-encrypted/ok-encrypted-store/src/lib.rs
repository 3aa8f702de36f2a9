//! Near miss: the member store encrypts at rest.

#[privflow::data]
pub struct Member {
    pub id: u64,
    #[pii(category = "user.name")]
    pub full_name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "storage", encrypted = true, retention_days = 30)]
pub fn upsert_member(_m: &Member) {}

pub fn register(m: &Member) {
    upsert_member(m);
}
