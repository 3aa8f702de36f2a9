//! A cookie/analytics consent is not a newsletter consent.

#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub newsletter_ok: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str) {}

#[privflow::consent(purpose = "analytics")]
pub fn accepted_cookies(u: &User) -> bool {
    u.newsletter_ok
}

pub fn on_register(u: &User) {
    if accepted_cookies(u) {
        send_newsletter(&u.email); //~ zaurus/newsletter-requires-consent zaurus/contact-details-purpose
    }
}
