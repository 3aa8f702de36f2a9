//! Patient e-mails are handed to Mailchimp for a marketing campaign.

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "network", recipient = "Mailchimp", purpose = "marketing.communications.email", encrypted = true)]
pub fn add_to_audience(_email: &str) {}

pub fn onboard(p: &Patient) {
    add_to_audience(&p.email); //~ cloudvisit/no-third-party-direct-marketing
}
