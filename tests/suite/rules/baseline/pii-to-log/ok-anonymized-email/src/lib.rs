//! Near miss: the e-mail address is anonymized before it is logged.

#[privflow::data]
pub struct Account {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sanitizer(anonymize)]
pub fn mask_email(_email: &str) -> String {
    "***@***".to_string()
}

#[privflow::sink(kind = "log")]
pub fn log_info(_line: &str) {}

pub fn login(a: &Account) {
    log_info(&mask_email(&a.email));
}
