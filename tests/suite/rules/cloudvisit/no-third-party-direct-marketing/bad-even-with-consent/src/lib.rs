//! Consent does not lift it: the statement rules out third-party direct marketing entirely.

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "network", recipient = "Mailchimp", purpose = "marketing.communications.email", encrypted = true)]
pub fn add_to_audience(_email: &str) {}

#[privflow::consent(purpose = "marketing")]
pub fn may_market(p: &Patient) -> bool {
    p.opted_in
}

pub fn onboard(p: &Patient) {
    if may_market(p) {
        add_to_audience(&p.email); //~ cloudvisit/no-third-party-direct-marketing
    }
}
