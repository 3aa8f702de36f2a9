//! CRM contacts are stored, with no deletion function.

#[privflow::data]
pub struct Contact { //~ zaurus/erasure-supported
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn insert_contact(_c: &Contact) {}

pub fn save(c: &Contact) {
    insert_contact(c);
}
