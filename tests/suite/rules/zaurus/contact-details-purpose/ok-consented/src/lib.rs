//! Near miss: the user consented to the reporting use.

#[privflow::data]
pub struct Profile {
    pub id: u64,
    #[pii(category = "user.contact.phone_number")]
    pub phone: String,
    pub research_ok: bool,
}

#[privflow::consent(purpose = "analytics")]
pub fn allows_research(p: &Profile) -> bool {
    p.research_ok
}

#[privflow::sink(kind = "network", purpose = "analytics.reporting", encrypted = true)]
pub fn enrich_report(_phone: &str) {}

pub fn on_update(p: &Profile) {
    if allows_research(p) {
        enrich_report(&p.phone);
    }
}
