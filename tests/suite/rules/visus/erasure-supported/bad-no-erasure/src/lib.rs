//! Registrations are stored, but nothing can delete them.

#[privflow::data]
pub struct Registration { //~ visus/erasure-supported
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn insert_registration(_r: &Registration) {}

pub fn register(r: &Registration) {
    insert_registration(r);
}
