//! The e-mail address is stored in clear, readable by the developers.

#[privflow::data]
pub struct Member {
    pub id: u64,
    #[pii(category = "user.name")]
    pub full_name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "storage", retention_days = 30)]
pub fn upsert_email(_id: u64, _email: &str) {}

pub fn register(m: &Member) {
    upsert_email(m.id, &m.email); //~ cloudvisit/name-and-email-encrypted
}
