//! Near miss: the newsletter is sent only after a marketing consent check.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str, _body: &str) {}

#[privflow::consent(purpose = "marketing")]
pub fn may_market(c: &Customer) -> bool {
    c.opted_in
}

pub fn on_signup(c: &Customer) {
    if may_market(c) {
        send_newsletter(&c.email, "Welcome offers");
    }
}
