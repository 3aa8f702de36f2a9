//! A string's length stays as personal as the string (only a collection's element count is not
//! its elements' data).
#[privflow::data]
pub struct Customer {
    pub id: i64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "network", region = "US")]
pub fn push_crm(_n: usize) {}

pub fn register(c: &Customer) {
    push_crm(c.email.len()); //~ visus/no-non-eu-transfer
}
