//! Marketing consent is checked for one customer and the newsletter goes to another.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str) {}

#[privflow::consent(purpose = "marketing", binds = 0)]
pub fn opted_in(_c: &Customer) -> bool {
    true
}

pub fn refer(referrer: &Customer, friend: &Customer) {
    if opted_in(referrer) {
        send_newsletter(&friend.email); //~ baseline/marketing-without-consent privflow/check-on-other-value
    }
}
