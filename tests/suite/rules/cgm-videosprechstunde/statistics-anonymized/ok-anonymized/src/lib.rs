//! Near miss: the doctor is replaced by an anonymous bucket.

#[privflow::data]
pub struct Session {
    pub participants: u32,
    pub os: String,
    #[pii(category = "user.name")]
    pub doctor: String,
}

#[privflow::sanitizer(anonymize)]
pub fn anonymous_bucket(_name: &str) -> String {
    "practice".to_string()
}

#[privflow::sink(kind = "analytics")]
pub fn record_session_stats(_who: &str, _participants: u32) {}

pub fn end(s: &Session) {
    record_session_stats(&anonymous_bucket(&s.doctor), s.participants);
}
