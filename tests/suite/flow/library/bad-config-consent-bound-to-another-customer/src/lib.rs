//! A configured consent with `binds = 0` checked for one customer does not cover another's data.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "analytics", recipient = "Insight BI GmbH", purpose = "analytics.reporting", encrypted = true)]
pub fn track(_email: &str) {}

pub fn report(consents: &consent_sdk::Client, asked: &Customer, other: &Customer) {
    if consents.has_opt_in(asked.id) {
        track(&other.email); //~ visus/third-party-only-for-orders-or-consent privflow/check-on-other-value
    }
}
