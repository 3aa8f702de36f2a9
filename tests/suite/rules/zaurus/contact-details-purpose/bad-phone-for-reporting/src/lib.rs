//! Phone numbers are used to enrich reports: neither the service nor fraud prevention.

#[privflow::data]
pub struct Profile {
    pub id: u64,
    #[pii(category = "user.contact.phone_number")]
    pub phone: String,
    pub research_ok: bool,
}

#[privflow::sink(kind = "network", purpose = "analytics.reporting", encrypted = true)]
pub fn enrich_report(_phone: &str) {}

pub fn on_update(p: &Profile) {
    enrich_report(&p.phone); //~ zaurus/contact-details-purpose
}
