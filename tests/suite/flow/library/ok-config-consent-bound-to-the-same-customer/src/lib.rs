//! A configured consent with `binds = 0` checked for the customer whose data is sent.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "analytics", recipient = "Insight BI GmbH", purpose = "analytics.reporting", encrypted = true)]
pub fn track(_email: &str) {}

pub fn report(consents: &consent_sdk::Client, c: &Customer) {
    if consents.has_opt_in(c.id) {
        track(&c.email);
    }
}
