//! The visitor's e-mail address is handed to an advertising network.

#[privflow::data]
pub struct Visitor {
    pub id: u64,
    #[pii(category = "user.device.cookie_id")]
    pub cookie_id: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "advertising", recipient = "AdNet Corp.")]
pub fn ad_pixel(_hashed_email: &str) {}

pub fn visit(v: &Visitor) {
    ad_pixel(&v.email); //~ cloudvisit/no-sale-to-brokers-or-ads
}
