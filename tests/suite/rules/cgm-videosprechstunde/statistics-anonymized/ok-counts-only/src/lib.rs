//! Near miss: start/end, participant count and client OS only.

#[privflow::data]
pub struct Session {
    pub participants: u32,
    pub os: String,
    #[pii(category = "user.name")]
    pub doctor: String,
}

#[privflow::sink(kind = "analytics")]
pub fn record_session_stats(_os: &str, _participants: u32) {}

pub fn end(s: &Session) {
    record_session_stats(&s.os, s.participants);
}
