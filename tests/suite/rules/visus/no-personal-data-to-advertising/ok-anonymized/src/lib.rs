//! Near miss: the value is anonymized before it is reported.

#[privflow::data]
pub struct Order {
    pub total_cents: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sanitizer(anonymize)]
pub fn domain_only(email: &str) -> String {
    email.rsplit('@').next().unwrap_or_default().to_string()
}

#[privflow::sink(kind = "advertising", recipient = "Google Inc.")]
pub fn report_conversion(_label: &str, _value: &str) {}

pub fn checkout(o: &Order) {
    report_conversion("purchase", &domain_only(&o.email));
}
