//! Hashing is not anonymization: the hashed IP still identifies the visitor.

#[privflow::data]
pub struct PageView {
    pub path: String,
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
}

#[privflow::sanitizer(hash)]
pub fn hash_ip(ip: &str) -> String {
    format!("{:x}", ip.len())
}

#[privflow::sink(kind = "analytics", recipient = "Google Inc.")]
pub fn ga_collect(_path: &str, _ip: &str) {}

pub fn on_view(v: &PageView) {
    ga_collect(&v.path, &hash_ip(&v.client_ip)); //~ visus/analytics-ip-anonymized
}
