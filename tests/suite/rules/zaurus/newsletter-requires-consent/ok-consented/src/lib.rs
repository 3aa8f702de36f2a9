//! Near miss: the address is used for the newsletter only with consent.

#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub newsletter_ok: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str) {}

#[privflow::consent(purpose = "marketing")]
pub fn subscribed(u: &User) -> bool {
    u.newsletter_ok
}

pub fn on_register(u: &User) {
    if subscribed(u) {
        send_newsletter(&u.email);
    }
}
