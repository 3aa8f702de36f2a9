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

// Awaited, with `?` on failure, and called by its path.
pub async fn nightly_async(consents: &consent_sdk::Client, c: &Customer) -> Result<(), String> {
    consents.has_opt_in(c.id).await?;
    track(&c.email);
    Ok(())
}

pub fn nightly_by_path(consents: &consent_sdk::Client, c: &Customer) {
    if consent_sdk::Client::has_opt_in(consents, c.id) {
        track(&c.email);
    }
}
