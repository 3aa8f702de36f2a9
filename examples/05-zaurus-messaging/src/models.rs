//! Domain model of the Zaurus communication platform.
//!
//! Request bodies (the `*Request` types next to the handlers) are plain wire types; data is
//! tagged from the moment it becomes one of these domain types, which is also the shape in which
//! it is stored, sent and erased.

use serde::{Deserialize, Serialize};

/// Who is on the other end of a consulting room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Clinician,
    Patient,
}

impl Role {
    pub fn as_db(self) -> &'static str {
        match self {
            Role::Clinician => "clinician",
            Role::Patient => "patient",
        }
    }

    pub fn from_db(value: &str) -> Role {
        match value {
            "clinician" => Role::Clinician,
            _ => Role::Patient,
        }
    }
}

/// A Zaurus profile ("1. Your Zaurus account"): name, job title, telephone number, e-mail and
/// company name. Contact details are visible to the user's Zaurus relationships.
#[privflow::data]
#[derive(Debug, Clone, Serialize)]
pub struct Account {
    pub id: i64,
    pub role: Role,
    #[pii(category = "user.name")]
    pub display_name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
    #[pii(category = "user.contact.phone_number")]
    pub phone: Option<String>,
    #[pii(category = "user.job_title")]
    pub job_title: Option<String>,
    #[pii(category = "user.workplace")]
    pub organisation: Option<String>,
}

/// One message in a thread of a digital consulting room. The body is user generated content,
/// which "may contain medical data", so it is treated as health data.
#[privflow::data]
#[derive(Debug, Clone, Serialize)]
pub struct Message {
    pub id: i64,
    pub thread_id: i64,
    pub sender_id: i64,
    #[phi(category = "user.content")]
    pub body: String,
    pub sent_at: i64,
}

/// The unsent text a user is typing in a thread; the apps autosave it every few seconds.
#[privflow::data]
#[derive(Debug, Clone)]
pub struct Draft {
    pub thread_id: i64,
    pub author_id: i64,
    #[phi(category = "user.content")]
    pub body: String,
    pub updated_at: i64,
}

/// A file shared in a thread (photos of a wound, a referral letter, a lab report).
#[privflow::data]
#[derive(Debug, Clone)]
pub struct Attachment {
    pub id: i64,
    pub thread_id: i64,
    pub uploader_id: i64,
    #[pii(category = "user.content")]
    pub file_name: String,
    pub content_type: String,
    #[phi(category = "user.content")]
    pub bytes: Vec<u8>,
}

impl Attachment {
    /// Key of the object in the attachment buckets.
    pub fn object_key(&self) -> String {
        format!("threads/{}/attachments/{}", self.thread_id, self.id)
    }
}

/// "3. Contact details of colleagues and relations": an address a user shared so that Zaurus
/// invites that person on their behalf.
#[privflow::data]
#[derive(Debug, Clone)]
#[rustfmt::skip] // keeps the test marker on the line of the name
pub struct Invitation { //~ zaurus/erasure-supported
    pub id: i64,
    pub inviter_id: i64,
    #[pii(category = "user.contact.email")]
    pub invitee_email: String,
    #[pii(category = "user.name")]
    pub invitee_name: Option<String>,
    pub token: String,
    pub created_at: i64,
}

/// A mobile push notification for one device of a thread member.
#[privflow::data]
#[derive(Debug, Clone, Serialize)]
pub struct PushNotification {
    #[pii(category = "user.device.device_id")]
    pub device_token: String,
    pub title: String,
    pub thread_id: i64,
}

/// A page view on www.zaurus.nl, forwarded to Google Analytics when the visitor accepted
/// analytics cookies.
#[privflow::data]
#[derive(Debug, Clone)]
pub struct PageView {
    #[pii(category = "user.device.cookie_id")]
    pub client_id: String,
    #[pii(category = "user.device.ip_address")]
    pub ip: String,
    pub path: String,
    pub title: String,
}

/// Seconds since the Unix epoch.
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}
