//! Near miss: only an anonymized value leaves the EU.

#[privflow::data]
pub struct Inquiry {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sanitizer(anonymize)]
pub fn email_domain(email: &str) -> String {
    email.rsplit('@').next().unwrap_or_default().to_string()
}

#[privflow::sink(kind = "network", region = "us-east-1", encrypted = true)]
pub fn count_domain(_domain: &str) {}

pub fn submit(i: &Inquiry) {
    count_domain(&email_domain(&i.email));
}
