//! Near miss: the customer consented to the reporting purpose.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub consented: bool,
}

#[privflow::consent(purpose = "analytics")]
pub fn may_analyse(c: &Customer) -> bool {
    c.consented
}

#[privflow::sink(kind = "network", recipient = "Insight BI GmbH", purpose = "analytics.reporting", encrypted = true)]
pub fn upload_report_row(_email: &str) {}

pub fn nightly(c: &Customer) {
    if may_analyse(c) {
        upload_report_row(&c.email);
    }
}
