//! `#[privflow::pii]` / `#[privflow::phi]` on whole types.

use privflow_macros as privflow;

#[privflow::pii]
pub struct UserName(pub String);

#[privflow::pii(category = "user.contact.email", subject = "customer", purposes = ["essential.service"])]
#[derive(Debug, Clone)]
pub struct EmailAddress(pub String);

#[privflow::phi]
#[derive(Debug)]
pub enum BloodType {
    A,
    B,
    AB,
    O,
}

#[privflow::phi(category = "user.health_and_medical.insurance_beneficiary_id")]
pub type InsuranceId = String;

#[privflow::pii(category = "user.device.ip_address")]
pub type ClientIp = std::net::IpAddr;

// A type tag and field markers together, in either order.
#[privflow::phi(subject = "patient")]
#[privflow::data]
pub struct LabOrder {
    #[pii(category = "user.name")]
    pub patient: String,
    pub test: String,
}

#[privflow::data]
#[privflow::pii(subject = "customer")]
pub struct Customer {
    #[pii(category = "user.contact.address")]
    pub address: String,
}

fn main() {
    let _ = (UserName(String::new()).0, EmailAddress(String::new()).clone(), BloodType::AB);
    let _: InsuranceId = String::new();
    let _: ClientIp = std::net::Ipv4Addr::LOCALHOST.into();
    let _ = (LabOrder { patient: String::new(), test: String::new() }.test, Customer { address: String::new() }.address);
    let _ = (BloodType::A, BloodType::B, BloodType::O);
}
