//! Every new user gets the newsletter. The e-mail address is also contact data used beyond
//! the service, so contact-details-purpose fires on the same call.

#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub newsletter_ok: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str) {}

pub fn on_register(u: &User) {
    send_newsletter(&u.email); //~ zaurus/newsletter-requires-consent zaurus/contact-details-purpose
}
