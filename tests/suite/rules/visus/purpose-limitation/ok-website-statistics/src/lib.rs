//! Near miss: website statistics (`analytics`) are a disclosed purpose.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub consented: bool,
}

#[privflow::sink(kind = "network", purpose = "analytics", encrypted = true)]
pub fn count_visit(_email: &str) {}

pub fn on_visit(c: &Customer) {
    count_visit(&c.email);
}
