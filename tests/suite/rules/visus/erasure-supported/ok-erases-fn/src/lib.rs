//! Near miss: a deletion function is declared for the stored type.

#[privflow::data]
pub struct Registration {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn insert_registration(_r: &Registration) {}

pub fn register(r: &Registration) {
    insert_registration(r);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "Registration", encrypted = true)]
pub fn delete_registration_row(_id: u64) {}

#[privflow::erases(Registration)]
pub fn erase_registration(id: u64) {
    delete_registration_row(id);
}
