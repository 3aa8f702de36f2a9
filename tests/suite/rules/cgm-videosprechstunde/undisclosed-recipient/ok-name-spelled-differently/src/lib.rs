//! Near miss: recipient names match ignoring case and punctuation ("FASTBILL GMBH" = "FastBill GmbH").

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "network", recipient = "FASTBILL GMBH", encrypted = true)]
pub fn crm_upsert(_name: &str, _email: &str) {}

pub fn register(c: &Customer) {
    crm_upsert(&c.name, &c.email);
}
