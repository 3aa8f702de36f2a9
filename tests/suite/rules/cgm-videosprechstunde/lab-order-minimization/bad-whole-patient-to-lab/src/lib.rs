//! The whole patient record goes to the lab, including the date of birth and the e-mail address.

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[pii(category = "user.contact.address")]
    pub address: String,
    #[pii(category = "user.demographic.date_of_birth")]
    pub born: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
    #[phi(category = "user.health_and_medical.insurance_beneficiary_id")]
    pub insurance: String,
}

#[privflow::sink(kind = "network", recipient = "IMD Labor Greifswald", encrypted = true)]
pub fn order_test_kit(_order: &Patient) {}

pub fn order(p: &Patient) {
    order_test_kit(p); //~ cgm-videosprechstunde/lab-order-minimization
}
