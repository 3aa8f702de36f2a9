#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "analytics", recipient = "Insight BI GmbH", purpose = "analytics.reporting", encrypted = true)]
pub fn track(_email: &str) {}

// Near miss: the configured library consent check guards the analytics call.
pub fn nightly(consents: &consent_sdk::Client, c: &Customer) {
    if consents.has_opt_in(c.id) {
        track(&c.email);
    }
}
