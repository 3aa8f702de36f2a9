//! Outbound integrations: every organisation here is named in the privacy statement
//! (processor tables of section 3.1, the lab of section 3.5).

pub mod backup;
pub mod cloudflare;
pub mod crm;
pub mod lab;
pub mod mail;
pub mod sms;
