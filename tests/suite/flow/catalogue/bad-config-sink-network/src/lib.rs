#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub fn sync_contact(u: &User) {
    vendor_crm::push_contact(&u.email); //~ visus/no-non-eu-transfer
}
