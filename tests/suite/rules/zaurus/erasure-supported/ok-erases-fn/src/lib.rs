//! Near miss: contacts can be deleted on request.

#[privflow::data]
pub struct Contact {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn insert_contact(_c: &Contact) {}

pub fn save(c: &Contact) {
    insert_contact(c);
}

#[privflow::erases(Contact)]
pub fn delete_contact(id: u64) {
    delete_contact_row(id);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "Contact", region = "DE")]
pub fn delete_contact_row(_id: u64) {}
