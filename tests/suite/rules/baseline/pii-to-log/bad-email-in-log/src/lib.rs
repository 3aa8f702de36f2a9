//! An e-mail address written to the log (warning).

#[privflow::data]
pub struct Account {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "log")]
pub fn log_info(_line: &str) {}

pub fn login(a: &Account) {
    log_info(&a.email); //~ baseline/pii-to-log
}
