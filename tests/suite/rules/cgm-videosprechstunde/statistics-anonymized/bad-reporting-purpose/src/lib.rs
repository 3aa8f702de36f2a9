//! A statistics export (purpose `analytics`) with personal data.

#[privflow::data]
pub struct Session {
    pub participants: u32,
    pub os: String,
    #[pii(category = "user.name")]
    pub doctor: String,
}

#[privflow::sink(kind = "network", purpose = "analytics.reporting", encrypted = true)]
pub fn export_stats(_who: &str) {}

pub fn end(s: &Session) {
    export_stats(&s.doctor); //~ cgm-videosprechstunde/statistics-anonymized
}
