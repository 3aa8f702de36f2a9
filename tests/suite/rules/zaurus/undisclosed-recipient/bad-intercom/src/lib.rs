//! User e-mails are synchronised to Intercom, a third party the statement does not list.

#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "network", recipient = "Intercom, Inc.", region = "IE", encrypted = true)]
pub fn sync_contact(_email: &str) {}

pub fn on_signup(u: &User) {
    sync_contact(&u.email); //~ zaurus/undisclosed-recipient
}
