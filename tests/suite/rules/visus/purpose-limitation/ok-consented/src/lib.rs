//! Near miss: personalization only after the customer agreed to it.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub consented: bool,
}

#[privflow::consent(purpose = "personalize")]
pub fn wants_recommendations(c: &Customer) -> bool {
    c.consented
}

#[privflow::sink(kind = "network", purpose = "personalize", encrypted = true)]
pub fn update_recommendations(_email: &str) {}

pub fn on_login(c: &Customer) {
    if wants_recommendations(c) {
        update_recommendations(&c.email);
    }
}
