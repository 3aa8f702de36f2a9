//! Near miss: sending the invoice is under the declared purpose.

#[privflow::data]
pub struct Subscriber {
    pub id: u64,
    #[pii(category = "user.contact.email", purposes = ["essential.service"])]
    pub billing_email: String,
    pub newsletter_ok: bool,
}

#[privflow::sink(kind = "email", purpose = "essential.service.payment_processing", encrypted = true)]
pub fn send_invoice(_to: &str) {}

pub fn bill(s: &Subscriber) {
    send_invoice(&s.billing_email);
}
