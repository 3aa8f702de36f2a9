//! The full IP address reaches Google Analytics.

#[privflow::data]
pub struct Hit {
    pub page: String,
    #[pii(category = "user.device.ip_address")]
    pub ip: String,
}

#[privflow::sink(kind = "analytics", recipient = "Google")]
pub fn ga_hit(_page: &str, _ip: &str) {}

pub fn track(h: &Hit) {
    ga_hit(&h.page, &h.ip); //~ zaurus/analytics-ip-anonymized
}
