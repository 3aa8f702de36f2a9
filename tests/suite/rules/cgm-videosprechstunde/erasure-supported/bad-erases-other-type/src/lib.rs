//! An erasure function for another type does not cover this one.

#[privflow::data]
pub struct Contract { //~ cgm-videosprechstunde/erasure-supported
    pub id: u64,
    #[pii(category = "user.financial.bank_account")]
    pub iban: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn insert_contract(_c: &Contract) {}

pub fn sign(c: &Contract) {
    insert_contract(c);
}

#[privflow::data]
pub struct Login {
    pub id: u64,
    #[pii(category = "user.authorization.credentials")]
    pub password_hash: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn insert_login(_l: &Login) {}

#[privflow::erases(Login)]
pub fn delete_login(id: u64) {
    delete_login_row(id);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "Login", region = "DE")]
pub fn delete_login_row(_id: u64) {}

pub fn create_login(l: &Login) {
    insert_login(l);
}
