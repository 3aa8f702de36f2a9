//! Near miss: anonymized data may even go to Google's US servers.

#[privflow::data]
pub struct PageView {
    pub path: String,
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
}

#[privflow::sanitizer(anonymize)]
pub fn shorten_ip(ip: &str) -> String {
    ip.split('.').take(3).collect::<Vec<_>>().join(".")
}

#[privflow::sink(kind = "analytics", recipient = "Google Inc.", region = "US")]
pub fn ga_collect(_path: &str, _ip: &str) {}

pub fn on_view(v: &PageView) {
    ga_collect(&v.path, &shorten_ip(&v.client_ip));
}
