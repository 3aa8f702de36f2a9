//! Field markers on tuple struct fields and on enum variant fields.

use privflow_macros as privflow;

#[privflow::data]
#[derive(Debug, Clone, PartialEq)]
pub struct Email(#[pii(category = "user.contact.email")] pub String);

#[privflow::data]
#[derive(Debug)]
pub struct Reading(pub u64, #[phi(subject = "patient")] pub f32, #[privflow::phi] pub String);

/// Ways to reach a customer.
#[privflow::data]
#[derive(Debug, Clone)]
pub enum Contact {
    /// By mail.
    Email(#[pii(category = "user.contact.email", subject = "customer")] String),
    Phone {
        #[pii(category = "user.contact.phone_number")]
        number: String,
        country: u16,
    },
    Postal(#[pii(category = "user.contact.address")] String, #[pii(category = "user.name")] String),
    Unreachable,
}

#[privflow::data]
pub enum Message<T> {
    Text(#[pii(category = "user.content")] T),
    Ping,
}

fn main() {
    let e = Email("a@example.com".into());
    assert_eq!(e.clone(), e);
    let r = Reading(1, 98.6, "fever".into());
    let c = Contact::Phone { number: "+49".into(), country: 49 };
    let m = Message::Text(7u8);
    if let Message::Text(t) = m {
        assert_eq!(t, 7);
    }
    let _ = (r, c.clone(), Contact::Email(String::new()), Contact::Postal(String::new(), String::new()), Contact::Unreachable, Message::<u8>::Ping);
}
