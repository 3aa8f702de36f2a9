//! Customer e-mails go to an external reporting vendor: a third party, not for orders or billing.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub consented: bool,
}

#[privflow::sink(kind = "network", recipient = "Insight BI GmbH", purpose = "analytics.reporting", encrypted = true)]
pub fn upload_report_row(_email: &str) {}

pub fn nightly(c: &Customer) {
    upload_report_row(&c.email); //~ visus/third-party-only-for-orders-or-consent
}
