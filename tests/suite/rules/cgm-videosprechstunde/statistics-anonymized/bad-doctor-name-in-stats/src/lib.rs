//! Session statistics carry the doctor's name.

#[privflow::data]
pub struct Session {
    pub participants: u32,
    pub os: String,
    #[pii(category = "user.name")]
    pub doctor: String,
}

#[privflow::sink(kind = "analytics")]
pub fn record_session_stats(_who: &str, _participants: u32) {}

pub fn end(s: &Session) {
    record_session_stats(&s.doctor, s.participants); //~ cgm-videosprechstunde/statistics-anonymized
}
