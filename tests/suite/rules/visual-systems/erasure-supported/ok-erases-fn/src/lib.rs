//! Near miss: an erasure function covers the stored type.

#[privflow::data]
pub struct Account {
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

#[privflow::sink(kind = "storage", op = "delete", stores = "Account")]
pub fn delete_account_row(_id: u64) {}

#[privflow::erases(Account)]
pub fn delete_account(id: u64) {
    delete_account_row(id);
}
