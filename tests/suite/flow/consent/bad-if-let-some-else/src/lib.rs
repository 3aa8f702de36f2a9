#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
    pub vip: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str, _body: &str) {}

pub struct ConsentRecord {
    pub given_at: u64,
}

#[privflow::consent(purpose = "marketing")]
pub fn consent_record(u: &User) -> Option<ConsentRecord> {
    if u.opted_in { Some(ConsentRecord { given_at: 0 }) } else { None }
}

pub fn campaign(u: &User) {
    if let Some(record) = consent_record(u) {
        let _ = record.given_at;
    } else {
        send_newsletter(&u.email, "Spring check-up offers"); //~ baseline/marketing-without-consent
    }
}
