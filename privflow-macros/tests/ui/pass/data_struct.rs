//! `#[privflow::data]` on structs with named fields: every spelling of the
//! field markers, next to serde attributes, doc comments and generics.

use privflow_macros as privflow;
use serde::{Deserialize, Serialize};

/// A patient record.
#[privflow::data]
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Patient {
    /// Internal id: not personal data on its own.
    pub id: u64,
    #[pii(category = "user.name", subject = "patient")]
    pub name: String,
    #[pii(category = "user.contact.email", subject = "patient", purposes = ["essential.service", "marketing.communications.email"])]
    #[serde(rename = "mail")]
    pub email: String,
    /// The diagnosis, PHI.
    #[phi]
    pub diagnosis: String,
    #[phi(category = "user.health_and_medical.insurance_beneficiary_id")]
    #[serde(skip)]
    pub insurance_id: String,
    #[privflow::pii(category = "user.contact.phone_number")]
    pub phone: Option<String>,
    #[privflow::phi]
    pub notes: Vec<String>,
    #[privflow_macros::pii(category = "user.demographic.date_of_birth",)]
    pub birthday: String,
    #[pii()]
    pub nickname: String,
}

// Derives may come before the attribute too.
#[derive(Debug, Clone, Serialize)]
#[privflow::data]
pub(crate) struct Session<'a, T: Clone>
where
    T: std::fmt::Debug,
{
    #[pii(category = "user.device.ip_address")]
    ip: &'a str,
    #[pii(category = "user.device.cookie_id")]
    #[serde(skip)]
    cookie: T,
    started: u64,
}

// Without markers the attribute changes nothing.
#[privflow::data]
struct Empty {}

#[privflow::data]
struct Unit;

fn main() {
    let p = Patient { name: "Ada".to_owned(), ..Patient::default() };
    let json = serde_json::to_string(&p).unwrap();
    assert!(json.contains("\"mail\""));
    assert!(!json.contains("insurance_id"));
    let s = Session { ip: "10.0.0.1", cookie: 7u8, started: 0 };
    assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"ip":"10.0.0.1","started":0}"#);
    let _ = (s.clone().ip, s.cookie, s.started, Empty {}, Unit);
}
