#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
    pub vip: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str, _body: &str) {}

#[derive(Debug)]
pub struct NoConsent;

#[privflow::consent(purpose = "marketing")]
pub fn marketing_consent(u: &User) -> Result<(), NoConsent> {
    if u.opted_in { Ok(()) } else { Err(NoConsent) }
}

pub fn campaign(u: &User) {
    match marketing_consent(u) {
        Ok(_) => send_newsletter(&u.email, "Spring check-up offers"),
        Err(_) => {}
    }
}
