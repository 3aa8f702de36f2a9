#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "analytics", recipient = "Insight BI GmbH", purpose = "analytics.reporting", encrypted = true)]
pub fn track(_email: &str) {}

pub fn nightly(consents: &consent_sdk::Client, c: &Customer) {
    track(&c.email); //~ visus/third-party-only-for-orders-or-consent
    if consents.has_opt_in(c.id) {
        println!("opted in");
    }
}

// The check's failure branch.
pub fn nightly_negated(consents: &consent_sdk::Client, c: &Customer) {
    if !consents.has_opt_in(c.id) {
        track(&c.email); //~ visus/third-party-only-for-orders-or-consent
    }
}
