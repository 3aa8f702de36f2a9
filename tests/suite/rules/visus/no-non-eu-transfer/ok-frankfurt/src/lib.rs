//! Near miss: the CRM runs in Frankfurt.

#[privflow::data]
pub struct Inquiry {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "network", region = "eu-central-1", encrypted = true)]
pub fn forward_to_crm(_i: &Inquiry) {}

pub fn submit(i: &Inquiry) {
    forward_to_crm(i);
}
