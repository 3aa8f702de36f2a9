//! Near miss: the payment provider receives the data for billing (`essential.service`).

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub consented: bool,
}

#[privflow::sink(kind = "network", recipient = "Stripe Payments Europe, Ltd.", region = "IE", purpose = "essential.service.payment_processing", encrypted = true)]
pub fn create_invoice(_email: &str, _cents: u64) {}

pub fn bill(c: &Customer) {
    create_invoice(&c.email, 4900);
}
