//! Even de-identified data may not go to an analytics firm.

#[privflow::data]
pub struct Visitor {
    pub id: u64,
    #[pii(category = "user.device.cookie_id")]
    pub cookie_id: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sanitizer(anonymize)]
pub fn bucket(id: &str) -> String {
    id.chars().take(2).collect()
}

#[privflow::sink(kind = "analytics", recipient = "Mixpanel, Inc.")]
pub fn mixpanel_track(_distinct_id: &str) {}

pub fn visit(v: &Visitor) {
    mixpanel_track(&bucket(&v.cookie_id)); //~ cloudvisit/no-sale-to-brokers-or-ads
}
