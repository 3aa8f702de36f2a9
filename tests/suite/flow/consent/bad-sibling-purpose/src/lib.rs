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

#[privflow::consent(purpose = "marketing.communications.sms")]
pub fn may_text_offers(u: &User) -> bool {
    u.opted_in
}

pub fn campaign(u: &User) {
    if may_text_offers(u) {
        send_newsletter(&u.email, "Spring check-up offers"); //~ baseline/marketing-without-consent
    }
}
