//! Near miss: CloudVisit mails its own product news from its own system (no recipient).

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_product_news(_to: &str) {}

pub fn onboard(p: &Patient) {
    send_product_news(&p.email);
}
