//! Near miss: CloudVisit's own reporting system (no recipient) may count visits.

#[privflow::data]
pub struct Visitor {
    pub id: u64,
    #[pii(category = "user.device.cookie_id")]
    pub cookie_id: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "analytics")]
pub fn internal_report(_cookie_id: &str) {}

pub fn visit(v: &Visitor) {
    internal_report(&v.cookie_id);
}
