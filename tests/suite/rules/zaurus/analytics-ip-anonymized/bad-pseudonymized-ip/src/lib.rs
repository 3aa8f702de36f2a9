//! A pseudonymized IP address is still personal data.

#[privflow::data]
pub struct Hit {
    pub page: String,
    #[pii(category = "user.device.ip_address")]
    pub ip: String,
}

#[privflow::sink(kind = "analytics", recipient = "Google")]
pub fn ga_hit(_page: &str, _ip: &str) {}

#[privflow::sanitizer(pseudonymize)]
pub fn pseudonym(ip: &str) -> String {
    format!("visitor-{}", ip.len())
}

pub fn track(h: &Hit) {
    ga_hit(&h.page, &pseudonym(&h.ip)); //~ zaurus/analytics-ip-anonymized
}
