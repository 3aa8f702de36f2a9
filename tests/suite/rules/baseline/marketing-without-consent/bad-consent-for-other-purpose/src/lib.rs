//! A consent for analytics does not cover marketing.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str, _body: &str) {}

#[privflow::consent(purpose = "analytics")]
pub fn may_measure(c: &Customer) -> bool {
    c.opted_in
}

pub fn on_signup(c: &Customer) {
    if may_measure(c) {
        send_newsletter(&c.email, "Welcome offers"); //~ baseline/marketing-without-consent
    }
}
