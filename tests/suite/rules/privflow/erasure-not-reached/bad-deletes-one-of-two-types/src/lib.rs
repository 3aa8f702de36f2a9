//! Account and its visits are both named; only the account is deleted.

pub struct Account {
    pub id: u64,
}
pub struct Visit {
    pub account_id: u64,
}

#[privflow::sink(kind = "storage", op = "delete", region = "DE")]
pub fn delete_account_row(_id: u64) {}

#[privflow::erases(Account, Visit)] //~ privflow/erasure-not-reached
pub fn erase(a: &Account, _visits: &[Visit]) {
    delete_account_row(a.id);
}
