//! The visitor's IP address is sent to Google Analytics.

#[privflow::data]
pub struct Visit {
    pub path: String,
    #[pii(category = "user.device.ip_address")]
    pub ip: String,
}

#[privflow::sink(kind = "analytics", recipient = "Google Analytics")]
pub fn ga_pageview(_path: &str, _visitor: &str) {}

pub fn page(v: &Visit) {
    ga_pageview(&v.path, &v.ip); //~ visual-systems/website-analytics-no-personal-data
}
