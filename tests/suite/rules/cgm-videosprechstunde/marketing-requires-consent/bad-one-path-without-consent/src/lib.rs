//! The helper is reached from one entry point with consent and from another without it.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_survey(_to: &str) {}

#[privflow::consent(purpose = "marketing")]
pub fn may_market(c: &Customer) -> bool {
    c.opted_in
}

fn mail_survey(c: &Customer) {
    send_survey(&c.email); //~ cgm-videosprechstunde/marketing-requires-consent
}

pub fn after_session(c: &Customer) {
    if may_market(c) {
        mail_survey(c);
    }
}

pub fn quarterly_campaign(all: &[Customer]) {
    for c in all {
        mail_survey(c);
    }
}
