//! Website data is used for personalization, a purpose the statement never names.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub consented: bool,
}

#[privflow::sink(kind = "network", purpose = "personalize", encrypted = true)]
pub fn update_recommendations(_email: &str) {}

pub fn on_login(c: &Customer) {
    update_recommendations(&c.email); //~ visus/purpose-limitation
}
