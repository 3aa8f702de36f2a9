//! Near miss: the IP address is shortened (anonymized) before it is sent.

#[privflow::data]
pub struct PageView {
    pub path: String,
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
}

#[privflow::sanitizer(anonymize)]
pub fn shorten_ip(ip: &str) -> String {
    match ip.rsplit_once('.') {
        Some((head, _)) => format!("{head}.0"),
        None => String::new(),
    }
}

#[privflow::sink(kind = "analytics", recipient = "Google Inc.")]
pub fn ga_collect(_path: &str, _ip: &str) {}

pub fn on_view(v: &PageView) {
    ga_collect(&v.path, &shorten_ip(&v.client_ip));
}
