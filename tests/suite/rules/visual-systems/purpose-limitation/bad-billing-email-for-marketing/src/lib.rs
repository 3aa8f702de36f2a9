//! An address collected for invoicing is used for a marketing mail.

#[privflow::data]
pub struct Subscriber {
    pub id: u64,
    #[pii(category = "user.contact.email", purposes = ["essential.service.payment_processing"])]
    pub billing_email: String,
    pub newsletter_ok: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_offer(_to: &str) {}

pub fn promote(s: &Subscriber) {
    send_offer(&s.billing_email); //~ visual-systems/purpose-limitation
}
