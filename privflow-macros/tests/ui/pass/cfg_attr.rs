//! Markers behind `cfg_attr`, as with an optional dependency:
//! `#[cfg_attr(feature = "privacy", privflow::data)]` on the struct and
//! `#[cfg_attr(feature = "privacy", pii)]` on its fields.

use privflow_macros as privflow;

#[privflow::data]
#[derive(Debug, serde::Serialize)]
pub struct User {
    #[cfg_attr(all(), pii(category = "user.name"))]
    pub name: String,
    #[cfg_attr(any(), phi)]
    pub note: String,
    #[cfg_attr(all(), serde(rename = "mail"), pii(category = "user.contact.email"))]
    pub email: String,
    #[cfg_attr(not(any()), serde(skip))]
    pub secret: String,
}

#[cfg_attr(all(), privflow::data)]
#[cfg_attr(any(), privflow::data)]
#[derive(Debug, Default)]
pub struct Optional {
    #[cfg_attr(all(), phi)]
    pub diagnosis: String,
    #[cfg_attr(any(), pii)]
    pub name: String,
}

fn main() {
    let u = User { name: String::new(), note: String::new(), email: String::new(), secret: "s".into() };
    let json = serde_json::to_string(&u).unwrap();
    assert!(json.contains("mail"));
    assert!(!json.contains("secret"));
    let _ = Optional::default();
}
