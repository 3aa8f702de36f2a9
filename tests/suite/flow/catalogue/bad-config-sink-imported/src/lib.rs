#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

use vendor_crm::push_contact;

pub fn sync_contact(u: &User) {
    push_contact(&u.email); //~ visus/no-non-eu-transfer
}
