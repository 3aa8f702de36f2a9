//! Near miss: section 4 — the customer gave explicit consent for the marketing purpose.

#[privflow::data]
pub struct Subscriber {
    pub id: u64,
    #[pii(category = "user.contact.email", purposes = ["essential.service.payment_processing"])]
    pub billing_email: String,
    pub newsletter_ok: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_offer(_to: &str) {}

#[privflow::consent(purpose = "marketing.communications")]
pub fn agreed_to_offers(s: &Subscriber) -> bool {
    s.newsletter_ok
}

pub fn promote(s: &Subscriber) {
    if agreed_to_offers(s) {
        send_offer(&s.billing_email);
    }
}
