//! Near miss: exactly the fields section 3.5 lists.

#[privflow::data]
pub struct LabOrder {
    #[pii(category = "user.name")]
    pub salutation: String,
    #[pii(category = "user.name")]
    pub first_name: String,
    #[pii(category = "user.name")]
    pub last_name: String,
    #[pii(category = "user.contact.address")]
    pub address: String,
    #[phi]
    pub test_type: String,
    #[phi(category = "user.health_and_medical.insurance_beneficiary_id")]
    pub insurance_type: String,
}

#[privflow::sink(kind = "network", recipient = "IMD Labor Greifswald", encrypted = true)]
pub fn order_test_kit(_order: &LabOrder) {}

pub fn order(o: &LabOrder) {
    order_test_kit(o);
}
