//! Marketing consent is checked for the customer who gets the newsletter, here and in a helper.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str) {}

#[privflow::consent(purpose = "marketing", binds = 0)]
pub fn opted_in(_c: &Customer) -> bool {
    true
}

pub fn welcome(c: &Customer) {
    if opted_in(c) {
        send_newsletter(&c.email);
        mail(c);
    }
}

fn mail(to: &Customer) {
    send_newsletter(&to.email);
}
