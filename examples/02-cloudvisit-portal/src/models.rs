//! Domain types of the portal. Every field that holds personal data is tagged so that privflow
//! can follow it: `#[pii]` for personally identifiable information, `#[phi]` for protected
//! health information under HIPAA (which is also personal data).
//!
//! Provider names are deliberately untagged: they are the public directory listing of the
//! practices that license CloudVisit, shown on the practices' own websites.

use serde::{Deserialize, Serialize};

/// A patient account, created by the practice or by self-registration.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Patient {
    pub id: i64,
    pub practice_id: i64,
    #[pii(category = "user.name", subject = "patient")]
    pub full_name: String,
    #[pii(category = "user.contact.email", subject = "patient")]
    pub email: String,
    #[pii(category = "user.contact.phone_number", subject = "patient")]
    pub mobile_phone: String,
    #[pii(category = "user.demographic.date_of_birth", subject = "patient")]
    pub date_of_birth: String,
    /// US state of residence: decides which provider licences apply.
    #[pii(category = "user.contact.address", subject = "patient")]
    pub state: String,
}

impl Patient {
    /// The first name, for greetings ("Hi Dana, your visit starts in 10 minutes").
    pub fn first_name(&self) -> &str {
        self.full_name.split_whitespace().next().unwrap_or_default()
    }
}

/// The registration form of the patient app.
#[privflow::data]
#[derive(Debug, Clone, Deserialize)]
pub struct NewPatient {
    pub practice_id: i64,
    #[pii(category = "user.name", subject = "patient")]
    pub full_name: String,
    #[pii(category = "user.contact.email", subject = "patient")]
    pub email: String,
    #[pii(category = "user.contact.phone_number", subject = "patient")]
    pub mobile_phone: String,
    #[pii(category = "user.demographic.date_of_birth", subject = "patient")]
    pub date_of_birth: String,
    #[pii(category = "user.contact.address", subject = "patient")]
    pub state: String,
}

/// Where a visit stands in its life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitStatus {
    Scheduled,
    InProgress,
    Completed,
    Cancelled,
}

impl VisitStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            VisitStatus::Scheduled => "scheduled",
            VisitStatus::InProgress => "in_progress",
            VisitStatus::Completed => "completed",
            VisitStatus::Cancelled => "cancelled",
        }
    }
}

/// A video visit between a patient and a provider, with the provider's clinical documentation.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Visit {
    pub id: i64,
    pub patient_id: i64,
    pub provider_id: i64,
    pub provider_name: String,
    /// RFC 3339, in UTC.
    pub scheduled_at: String,
    pub duration_minutes: i64,
    pub status: VisitStatus,
    #[phi]
    pub reason_for_visit: String,
    #[phi]
    pub clinical_notes: String,
    /// ICD-10-CM codes the provider recorded.
    #[phi]
    pub diagnosis_codes: Vec<String>,
}

/// The provider's note editor autosaves every few seconds while the visit runs.
#[privflow::data]
#[derive(Debug, Clone, Deserialize)]
pub struct NoteDraft {
    pub revision: i64,
    #[phi]
    pub text: String,
}

/// What the provider submits when the visit ends.
#[privflow::data]
#[derive(Debug, Clone, Deserialize)]
pub struct VisitCompletion {
    #[phi]
    pub clinical_notes: String,
    #[phi]
    pub diagnosis_codes: Vec<String>,
    pub duration_minutes: i64,
    pub prescription: Option<Prescription>,
}

/// An e-prescription, routed to the patient's pharmacy.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Prescription {
    #[phi]
    pub medication: String,
    #[phi]
    pub sig: String,
    pub quantity: u32,
    pub pharmacy_ncpdp_id: String,
}

/// A visit fee paid by card. The card is tokenized by the payment processor in the browser;
/// the token still identifies the card and is billing information.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Payment {
    pub id: i64,
    pub visit_id: i64,
    pub patient_id: i64,
    pub amount_cents: i64,
    #[pii(category = "user.financial.credit_card", subject = "patient")]
    pub card_token: String,
    #[pii(category = "user.financial", subject = "patient")]
    pub billing_zip: String,
}

/// The payment form of the patient app.
#[privflow::data]
#[derive(Debug, Clone, Deserialize)]
pub struct PaymentRequest {
    pub amount_cents: i64,
    #[pii(category = "user.financial.credit_card", subject = "patient")]
    pub card_token: String,
    #[pii(category = "user.financial", subject = "patient")]
    pub billing_zip: String,
}

/// What the mobile app may keep for offline use: when and with whom, nothing clinical.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AppointmentCard {
    pub visit_id: i64,
    pub scheduled_at: String,
    pub provider_name: String,
    pub join_url: String,
}

impl AppointmentCard {
    pub fn for_visit(visit: &Visit) -> Self {
        AppointmentCard {
            visit_id: visit.id,
            scheduled_at: visit.scheduled_at.clone(),
            provider_name: visit.provider_name.clone(),
            join_url: format!("https://app.cloudvisittm.com/visits/{}/join", visit.id),
        }
    }
}
