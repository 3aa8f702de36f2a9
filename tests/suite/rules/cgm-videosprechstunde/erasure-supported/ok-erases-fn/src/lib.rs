//! Near miss: a deletion function exists for the stored type.

#[privflow::data]
pub struct Contract {
    pub id: u64,
    #[pii(category = "user.financial.bank_account")]
    pub iban: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn insert_contract(_c: &Contract) {}

pub fn sign(c: &Contract) {
    insert_contract(c);
}

#[privflow::erases(Contract)]
pub fn delete_contract(id: u64) {
    delete_contract_row(id);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "Contract", region = "DE")]
pub fn delete_contract_row(_id: u64) {}
