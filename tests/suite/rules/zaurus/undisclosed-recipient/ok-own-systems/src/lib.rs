//! Near miss: no recipient means Zaurus's own systems.

#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "network", encrypted = true)]
pub fn sync_contact(_email: &str) {}

pub fn on_signup(u: &User) {
    sync_contact(&u.email);
}
