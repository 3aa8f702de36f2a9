//! Near miss: Google (Google Analytics) is the disclosed processor.

#[privflow::data]
pub struct Visitor {
    #[pii(category = "user.device.cookie_id")]
    pub client_id: String,
}

#[privflow::sink(kind = "analytics", recipient = "Google Analytics")]
pub fn ga_event(_client_id: &str, _name: &str) {}

pub fn on_demo_request(v: &Visitor) {
    ga_event(&v.client_id, "demo_requested");
}
