//! Accounts are stored, but there is no way to delete them.

#[privflow::data]
pub struct Account { //~ visual-systems/erasure-supported
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub login_email: String,
    #[pii(category = "user.authorization.credentials")]
    pub password_hash: String,
}

#[privflow::sink(kind = "storage")]
pub fn insert_account(_a: &Account) {}

pub fn sign_up(a: &Account) {
    insert_account(a);
}
