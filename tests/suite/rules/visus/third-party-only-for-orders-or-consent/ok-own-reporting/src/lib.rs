//! Near miss: the report stays in VISUS's own systems (no recipient).

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub consented: bool,
}

#[privflow::sink(kind = "network", purpose = "analytics.reporting", encrypted = true)]
pub fn upload_report_row(_email: &str) {}

pub fn nightly(c: &Customer) {
    upload_report_row(&c.email);
}
