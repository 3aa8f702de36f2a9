//! The full client IP address is sent to Google Analytics.

#[privflow::data]
pub struct PageView {
    pub path: String,
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
}

#[privflow::sink(kind = "analytics", recipient = "Google Inc.")]
pub fn ga_collect(_path: &str, _ip: &str) {}

pub fn on_view(v: &PageView) {
    ga_collect(&v.path, &v.client_ip); //~ visus/analytics-ip-anonymized
}
