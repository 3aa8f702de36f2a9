#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn reset_password(u: &User) {
    audit(&format!("reset link sent to {}", u.email)); //~ baseline/pii-to-log
}
