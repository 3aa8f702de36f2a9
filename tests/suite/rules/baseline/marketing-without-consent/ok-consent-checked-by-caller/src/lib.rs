//! Near miss: the helper that sends is only ever called after the consent check.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str, _body: &str) {}

#[privflow::consent(purpose = "marketing.communications")]
pub fn may_email(c: &Customer) -> bool {
    c.opted_in
}

fn mail_offers(c: &Customer) {
    send_newsletter(&c.email, "Spring offers");
}

pub fn weekly(c: &Customer) {
    if may_email(c) {
        mail_offers(c);
    }
}
