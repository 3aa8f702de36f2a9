//! Near miss: the ad network only learns the campaign, nothing about the user.

#[privflow::data]
pub struct Visitor {
    pub id: u64,
    #[pii(category = "user.device.cookie_id")]
    pub cookie_id: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "advertising", recipient = "AdNet Corp.")]
pub fn ad_pixel(_campaign: &str) {}

pub fn visit(v: &Visitor) {
    let _ = v.id;
    ad_pixel("spring-campaign");
}
