//! The newsletter goes out without any consent check.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str, _body: &str) {}

pub fn on_signup(c: &Customer) {
    send_newsletter(&c.email, "Welcome offers"); //~ baseline/marketing-without-consent
}
