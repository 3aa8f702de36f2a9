//! Billing information (a card number) is stored in clear.

#[privflow::data]
pub struct Invoice {
    pub id: u64,
    #[pii(category = "user.financial.credit_card")]
    pub card_number: String,
}

#[privflow::sink(kind = "storage", retention_days = 365)]
pub fn insert_invoice(_i: &Invoice) {}

pub fn bill(i: &Invoice) {
    insert_invoice(i); //~ cloudvisit/encrypt-at-rest
}
