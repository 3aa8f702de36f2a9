//! No region on the sink and no default region: the region is unknown, which counts as outside.

#[privflow::data]
pub struct Inquiry {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "network", encrypted = true)]
pub fn forward_to_crm(_i: &Inquiry) {}

pub fn submit(i: &Inquiry) {
    forward_to_crm(i); //~ visus/no-non-eu-transfer
}
