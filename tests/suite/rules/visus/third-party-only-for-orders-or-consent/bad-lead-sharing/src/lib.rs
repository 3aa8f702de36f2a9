//! Sharing leads with a marketing partner breaks both the forwarding and the purpose promise.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub consented: bool,
}

#[privflow::sink(kind = "network", recipient = "Partner Leads AG", purpose = "marketing", encrypted = true)]
pub fn share_lead(_email: &str) {}

pub fn after_order(c: &Customer) {
    share_lead(&c.email); //~ visus/third-party-only-for-orders-or-consent visus/purpose-limitation
}
