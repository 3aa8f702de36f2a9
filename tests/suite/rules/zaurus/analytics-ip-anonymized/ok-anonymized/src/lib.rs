//! Near miss: Google gets an anonymized IP address.

#[privflow::data]
pub struct Hit {
    pub page: String,
    #[pii(category = "user.device.ip_address")]
    pub ip: String,
}

#[privflow::sink(kind = "analytics", recipient = "Google")]
pub fn ga_hit(_page: &str, _ip: &str) {}

#[privflow::sanitizer(anonymize)]
pub fn anonymize_ip(ip: &str) -> String {
    match ip.rsplit_once('.') {
        Some((head, _)) => format!("{head}.0"),
        None => String::new(),
    }
}

pub fn track(h: &Hit) {
    ga_hit(&h.page, &anonymize_ip(&h.ip));
}
