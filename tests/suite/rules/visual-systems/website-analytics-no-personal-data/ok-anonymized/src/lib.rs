//! Near miss: only an anonymized network prefix is sent.

#[privflow::data]
pub struct Visit {
    pub path: String,
    #[pii(category = "user.device.ip_address")]
    pub ip: String,
}

#[privflow::sink(kind = "analytics", recipient = "Google Analytics")]
pub fn ga_pageview(_path: &str, _visitor: &str) {}

#[privflow::sanitizer(anonymize)]
pub fn anonymize_ip(ip: &str) -> String {
    ip.split('.').take(2).collect::<Vec<_>>().join(".")
}

pub fn page(v: &Visit) {
    ga_pageview(&v.path, &anonymize_ip(&v.ip));
}
