//! The attributes change nothing at run time: tagged items behave exactly
//! like the same items written without them.

use privflow_macros as privflow;
use serde::{Deserialize, Serialize};

mod tagged {
    use super::*;

    #[privflow::data]
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
    pub struct Patient {
        pub id: u64,
        /// The patient's full name.
        #[pii(category = "user.name", subject = "patient")]
        pub name: String,
        #[pii(category = "user.contact.email", purposes = ["essential.service"])]
        #[serde(rename = "mail")]
        pub email: String,
        #[phi]
        pub diagnosis: Option<String>,
        #[phi(category = "user.health_and_medical.insurance_beneficiary_id")]
        #[serde(skip)]
        pub insurance_id: String,
        #[privflow::pii(category = "user.contact.phone_number")]
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub phones: Vec<String>,
    }

    #[privflow::data]
    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    #[serde(tag = "type")]
    pub enum Contact {
        Email {
            #[pii(category = "user.contact.email")]
            address: String,
        },
        Phone {
            #[pii(category = "user.contact.phone_number")]
            #[serde(rename = "n")]
            number: String,
        },
        None,
    }

    #[privflow::data]
    #[derive(
        Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
    )]
    pub struct Email(#[pii(category = "user.contact.email")] pub String);

    #[privflow::phi]
    #[derive(Serialize, Debug, Clone, Copy, PartialEq)]
    pub struct Glucose(pub f32);

    #[privflow::pii(category = "user.name")]
    pub type Name = String;
}

mod plain {
    use super::*;

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
    pub struct Patient {
        pub id: u64,
        /// The patient's full name.
        pub name: String,
        #[serde(rename = "mail")]
        pub email: String,
        pub diagnosis: Option<String>,
        #[serde(skip)]
        pub insurance_id: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub phones: Vec<String>,
    }

    #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
    #[serde(tag = "type")]
    pub enum Contact {
        Email {
            address: String,
        },
        Phone {
            #[serde(rename = "n")]
            number: String,
        },
        None,
    }

    #[derive(
        Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
    )]
    pub struct Email(pub String);

    #[derive(Serialize, Debug, Clone, Copy, PartialEq)]
    pub struct Glucose(pub f32);
}

fn tagged_patient() -> tagged::Patient {
    tagged::Patient {
        id: 7,
        name: "Ada Lovelace".into(),
        email: "ada@example.com".into(),
        diagnosis: Some("flu".into()),
        insurance_id: "A123456789".into(),
        phones: vec!["+49 30 1234567".into()],
    }
}

fn plain_patient() -> plain::Patient {
    plain::Patient {
        id: 7,
        name: "Ada Lovelace".into(),
        email: "ada@example.com".into(),
        diagnosis: Some("flu".into()),
        insurance_id: "A123456789".into(),
        phones: vec!["+49 30 1234567".into()],
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| panic!("serialising: {e}"))
}

#[test]
fn struct_serialises_identically() {
    let tagged = json(&tagged_patient());
    assert_eq!(tagged, json(&plain_patient()));
    assert!(tagged.contains(r#""mail":"ada@example.com""#), "{tagged}");
    assert!(!tagged.contains("insurance_id"), "{tagged}");
    assert!(!tagged.contains("A123456789"), "{tagged}");

    let pretty = serde_json::to_string_pretty(&tagged_patient()).unwrap_or_default();
    assert_eq!(
        pretty,
        serde_json::to_string_pretty(&plain_patient()).unwrap_or_default()
    );
}

#[test]
fn struct_deserialises_identically() {
    let input = r#"{"id":1,"name":"Grace","mail":"g@example.com","diagnosis":null}"#;
    let tagged: tagged::Patient = serde_json::from_str(input).unwrap_or_else(|e| panic!("{e}"));
    let plain: plain::Patient = serde_json::from_str(input).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json(&tagged), json(&plain));
    assert_eq!(tagged.insurance_id, "");
    assert!(tagged.phones.is_empty());
    // Unknown fields and the original (renamed) field name behave alike.
    let renamed = r#"{"id":1,"name":"Grace","email":"g@example.com","diagnosis":null}"#;
    assert_eq!(
        serde_json::from_str::<tagged::Patient>(renamed).map_err(|e| e.to_string()),
        serde_json::from_str::<plain::Patient>(renamed)
            .map(|_| unreachable!())
            .map_err(|e| e.to_string()),
    );
}

#[test]
fn struct_derives_behave_identically() {
    let p = tagged_patient();
    assert_eq!(
        format!("{p:?}").replacen("Patient", "", 1),
        format!("{:?}", plain_patient()).replacen("Patient", "", 1)
    );
    assert_eq!(
        format!("{p:#?}").replacen("Patient", "", 1),
        format!("{:#?}", plain_patient()).replacen("Patient", "", 1)
    );
    let mut q = p.clone();
    assert_eq!(p, q);
    q.diagnosis = None;
    assert_ne!(p, q);
    assert_eq!(
        json(&tagged::Patient::default()),
        json(&plain::Patient::default())
    );
    assert_eq!(tagged::Patient::default(), tagged::Patient::default());
}

#[test]
fn enum_behaves_identically() {
    let tagged = [
        tagged::Contact::Email {
            address: "a@example.com".into(),
        },
        tagged::Contact::Phone {
            number: "+1".into(),
        },
        tagged::Contact::None,
    ];
    let plain = [
        plain::Contact::Email {
            address: "a@example.com".into(),
        },
        plain::Contact::Phone {
            number: "+1".into(),
        },
        plain::Contact::None,
    ];
    assert_eq!(json(&tagged), json(&plain));
    assert_eq!(
        json(&tagged),
        r#"[{"type":"Email","address":"a@example.com"},{"type":"Phone","n":"+1"},{"type":"None"}]"#
    );
    assert_eq!(format!("{tagged:?}"), format!("{plain:?}"));
    let back: Vec<tagged::Contact> = serde_json::from_str(&json(&plain)).unwrap_or_default();
    assert_eq!(back, tagged.to_vec());
}

#[test]
fn tuple_struct_and_type_tags_behave_identically() {
    let a = tagged::Email("a@example.com".into());
    let b = plain::Email("a@example.com".into());
    assert_eq!(json(&a), json(&b));
    assert_eq!(json(&a), r#""a@example.com""#);
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
    assert!(tagged::Email("a".into()) < tagged::Email("b".into()));
    let set: std::collections::HashSet<_> = [a.clone(), a.clone()].into_iter().collect();
    assert_eq!(set.len(), 1);
    assert_eq!(tagged::Email::default(), tagged::Email(String::new()));

    assert_eq!(json(&tagged::Glucose(5.5)), json(&plain::Glucose(5.5)));
    let g = tagged::Glucose(1.0);
    let copy = g;
    assert_eq!(g, copy);
    let name: tagged::Name = "Ada".into();
    assert_eq!(name.len(), 3);
}

#[test]
fn tagged_types_have_the_same_layout() {
    use std::mem::{align_of, size_of};
    assert_eq!(size_of::<tagged::Patient>(), size_of::<plain::Patient>());
    assert_eq!(align_of::<tagged::Patient>(), align_of::<plain::Patient>());
    assert_eq!(size_of::<tagged::Contact>(), size_of::<plain::Contact>());
    assert_eq!(size_of::<tagged::Email>(), size_of::<plain::Email>());
}

// Tagged functions compute what they would compute untagged.

#[privflow::source(pii, category = "user.name")]
fn user_name(id: u64) -> String {
    format!("user-{id}")
}

#[privflow::source(phi, subject = "patient")]
async fn fetch_diagnosis(id: u64) -> Option<String> {
    (id == 7).then(|| "flu".to_owned())
}

#[privflow::sanitizer(hash)]
fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

#[privflow::sanitizer(redact)]
fn redact(s: &str) -> String {
    s.chars()
        .map(|c| if c == '@' { '@' } else { '*' })
        .collect()
}

#[privflow::consent(purpose = "marketing.communications.email")]
fn newsletter_consent(user: u64) -> Result<u64, String> {
    if user % 2 == 0 {
        Ok(user)
    } else {
        Err(format!("user {user} did not consent"))
    }
}

#[privflow::erases(tagged::Patient, tagged::Contact)]
fn forget(records: &mut Vec<tagged::Patient>, id: u64) -> usize {
    let before = records.len();
    records.retain(|p| p.id != id);
    before - records.len()
}

#[privflow::allow(
    rule = "baseline/pii-to-log",
    reason = "the audit log must name who signed in"
)]
fn audit(name: &str) -> String {
    format!("signed in: {name}")
}

#[privflow::sink(kind = "storage", region = "DE", encrypted = true, retention_days = 30, args = [0])]
fn store(record: &tagged::Patient, log: &mut Vec<String>) -> usize {
    log.push(json(record));
    log.len()
}

#[test]
fn tagged_functions_compute_the_same() {
    assert_eq!(user_name(3), "user-3");
    assert_eq!(hash("abc"), 0xe71f_a219_0541_574b);
    assert_eq!(redact("a@b"), "*@*");
    assert_eq!(newsletter_consent(4), Ok(4));
    assert_eq!(
        newsletter_consent(3),
        Err("user 3 did not consent".to_owned())
    );
    assert_eq!(audit("Ada"), "signed in: Ada");

    let mut records = vec![tagged_patient(), tagged::Patient::default()];
    assert_eq!(forget(&mut records, 7), 1);
    assert_eq!(records.len(), 1);

    let mut log = Vec::new();
    assert_eq!(store(&tagged_patient(), &mut log), 1);
    assert_eq!(log[0], json(&plain_patient()));

    // The async source still returns a future that yields the same value.
    let future = fetch_diagnosis(7);
    assert_eq!(block_on(future), Some("flu".to_owned()));
}

/// Polls a future that never waits to completion.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};
    struct Noop;
    impl Wake for Noop {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

// A trait whose method declarations are tagged still works with impls,
// trait objects and default methods.

trait Mailer {
    #[privflow::sink(kind = "email", purpose = "essential.service", encrypted = true, args = [0, 1])]
    fn send(&mut self, to: &str, body: &str) -> usize;

    #[privflow::source(pii, category = "user.contact.email")]
    fn last_recipient(&self) -> Option<String>;

    #[privflow::sink(kind = "log", args = [0])]
    fn trace(&mut self, line: &str) -> usize {
        self.send("ops@example.com", line)
    }
}

#[derive(Default)]
struct Outbox {
    sent: Vec<(String, String)>,
}

#[privflow::allow(rule = "cloudvisit/encrypt-in-transit", reason = "in-memory outbox")]
impl Mailer for Outbox {
    #[privflow::sink(kind = "email")]
    fn send(&mut self, to: &str, body: &str) -> usize {
        self.sent.push((to.to_owned(), body.to_owned()));
        self.sent.len()
    }

    fn last_recipient(&self) -> Option<String> {
        self.sent.last().map(|(to, _)| to.clone())
    }
}

impl Outbox {
    #[privflow::sanitizer(pseudonymize)]
    fn pseudonym(&self, to: &str) -> usize {
        self.sent
            .iter()
            .position(|(t, _)| t == to)
            .unwrap_or(usize::MAX)
    }
}

#[test]
fn tagged_trait_methods_work_with_impls() {
    let mut outbox = Outbox::default();
    assert_eq!(outbox.send("ada@example.com", "hello"), 1);
    assert_eq!(outbox.trace("ping"), 2);
    assert_eq!(outbox.last_recipient().as_deref(), Some("ops@example.com"));
    assert_eq!(outbox.pseudonym("ada@example.com"), 0);

    let mailer: &mut dyn Mailer = &mut outbox;
    assert_eq!(mailer.send("grace@example.com", "hi"), 3);
    assert_eq!(
        mailer.last_recipient().as_deref(),
        Some("grace@example.com")
    );
}

#[privflow::allow(rule = "baseline/phi-to-log", reason = "module-level allow")]
mod allowed {
    pub fn double(x: u32) -> u32 {
        x * 2
    }
}

#[test]
fn allowed_module_is_unchanged() {
    assert_eq!(allowed::double(21), 42);
}
