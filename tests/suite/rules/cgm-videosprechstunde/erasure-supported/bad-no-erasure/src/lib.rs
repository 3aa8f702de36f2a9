//! Contracts are stored, but nothing deletes them after termination.

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
