//! Near miss: technical administration is an essential purpose.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub consented: bool,
}

#[privflow::sink(kind = "network", purpose = "essential.service.operations", encrypted = true)]
pub fn notify_admin(_email: &str) {}

pub fn on_bounce(c: &Customer) {
    notify_admin(&c.email);
}
