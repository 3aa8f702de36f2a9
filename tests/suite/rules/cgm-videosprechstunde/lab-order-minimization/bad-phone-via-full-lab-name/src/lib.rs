//! The lab is matched under its full name too; a phone number is not on the list.

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
    #[pii(category = "user.contact.phone_number")]
    pub phone: String,
}

#[privflow::sink(kind = "network", recipient = "IMD Labor Greifswald - MVZ Labor Greifswald GmbH", encrypted = true)]
pub fn order_test_kit(_order: &LabOrder) {}

pub fn order(o: &LabOrder) {
    order_test_kit(o); //~ cgm-videosprechstunde/lab-order-minimization
}
