//! Near miss: the conversion carries only the order value.

#[privflow::data]
pub struct Order {
    pub total_cents: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "advertising", recipient = "Google Inc.")]
pub fn report_conversion(_label: &str, _value: &str) {}

pub fn checkout(o: &Order) {
    report_conversion("purchase", &o.total_cents.to_string());
}
