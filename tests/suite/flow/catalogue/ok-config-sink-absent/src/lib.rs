#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

/// Not configured as a sink: a library call without annotations only passes tags through.
pub fn sync_contact(u: &User) {
    vendor_crm::push_contact(&u.email);
}
