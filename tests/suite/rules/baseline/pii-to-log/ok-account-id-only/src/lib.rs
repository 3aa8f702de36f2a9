//! Near miss: the account id is not personal data.

#[privflow::data]
pub struct Account {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "log")]
pub fn log_info(_line: &str) {}

pub fn login(a: &Account) {
    log_info(&a.id.to_string());
}
