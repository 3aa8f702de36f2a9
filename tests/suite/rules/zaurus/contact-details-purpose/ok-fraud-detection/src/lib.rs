//! Near miss: checking the number against fraud lists.

#[privflow::data]
pub struct Profile {
    pub id: u64,
    #[pii(category = "user.contact.phone_number")]
    pub phone: String,
    pub research_ok: bool,
}

#[privflow::sink(kind = "network", purpose = "essential.fraud_detection", encrypted = true)]
pub fn check_fraud_list(_phone: &str) {}

pub fn on_update(p: &Profile) {
    check_fraud_list(&p.phone);
}
