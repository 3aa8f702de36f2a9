//! Near miss: the allowlist applies to the lab only; the SMS processor may receive the phone number.

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

#[privflow::sink(kind = "sms", recipient = "Message Networks GmbH", encrypted = true)]
pub fn text_tracking_link(_to: &str) {}

pub fn notify(o: &LabOrder) {
    text_tracking_link(&o.phone);
}
