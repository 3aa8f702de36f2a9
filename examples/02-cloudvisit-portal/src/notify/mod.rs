//! Notifications to patients: e-mail through the outbound relay, SMS through the gateway.
//! Notifications never carry health information; they ask the patient to log in.

pub mod email;
pub mod sms;
