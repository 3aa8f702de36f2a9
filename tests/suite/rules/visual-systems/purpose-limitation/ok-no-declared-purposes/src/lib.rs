//! Near miss: the rule judges only fields that declare `purposes`.

#[privflow::data]
pub struct Subscriber {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub billing_email: String,
    pub newsletter_ok: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_offer(_to: &str) {}

pub fn promote(s: &Subscriber) {
    send_offer(&s.billing_email);
}
