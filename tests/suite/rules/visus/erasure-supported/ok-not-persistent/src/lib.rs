//! Near miss: registrations are kept in memory only, so there is nothing to erase.

#[privflow::data]
pub struct Registration {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "storage", persistent = false)]
pub fn remember(_r: &Registration) {}

pub fn register(r: &Registration) {
    remember(r);
}
