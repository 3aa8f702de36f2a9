//! Domain types of the video consultation service, tagged with the personal data they hold.
//!
//! The categories follow the lists of the privacy statement: the contract and registration data
//! of a customer (section 3.1), the optional profile data (3.2), the patient/guest data (3.6), the
//! session data (3.4) and the lab order (3.5).

use serde::{Deserialize, Serialize};

/// A customer (doctor, therapist, pharmacy) with a contract for CGM Videosprechstunde.
/// Contract and registration data, section 3.1.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Customer {
    #[serde(default)]
    pub id: i64,
    #[pii(category = "user.authorization.credentials", subject = "customer")]
    pub login_name: String,
    #[pii(category = "user.name", subject = "customer")]
    pub first_name: String,
    #[pii(category = "user.name", subject = "customer")]
    pub last_name: String,
    #[pii(subject = "customer")]
    pub gender: String,
    #[pii(category = "user.contact.address", subject = "customer")]
    pub address: String,
    #[pii(category = "user.contact.email", subject = "customer")]
    pub email: String,
    /// LANR or Arztausweisnummer, for the verification of doctors.
    #[pii(subject = "customer")]
    pub lanr: Option<String>,
    /// Optional direct debit mandate.
    #[pii(category = "user.financial.bank_account", subject = "customer")]
    pub iban: Option<String>,
    /// Opt-in for product surveys and marketing (section 3.1), off by default.
    pub marketing_opt_in: bool,
    pub country: String,
}

/// The optional profile a customer fills in inside the product (section 3.2).
///
/// Everything except the mobile number and the date of birth is visible to other customers.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CustomerProfile {
    #[serde(default)]
    pub customer_id: i64,
    #[pii(category = "user.name", subject = "customer")]
    pub display_name: String,
    #[pii(category = "user.demographic.date_of_birth", subject = "customer")]
    pub birth_date: Option<String>,
    #[pii(category = "user.contact.phone_number", subject = "customer")]
    pub phone: Option<String>,
    #[pii(category = "user.contact.phone_number", subject = "customer")]
    pub mobile: Option<String>,
    #[pii(category = "user.name", subject = "customer")]
    pub practice_name: Option<String>,
    #[pii(category = "user.contact.address", subject = "customer")]
    pub practice_address: Option<String>,
    pub practice_website: Option<String>,
    pub specialty: Option<String>,
    /// Privacy by default (section 8): hidden from the contact search until the customer opts in.
    pub visible_in_search: bool,
}

/// What other customers see of a colleague in the contact search.
#[cfg_attr(not(feature = "compliant"), allow(dead_code))]
#[privflow::data]
#[derive(Debug, Clone, Serialize)]
pub struct DirectoryCard {
    pub customer_id: i64,
    #[pii(category = "user.name", subject = "customer")]
    pub display_name: String,
    #[pii(category = "user.name", subject = "customer")]
    pub practice_name: Option<String>,
    #[pii(category = "user.contact.address", subject = "customer")]
    pub practice_address: Option<String>,
    pub practice_website: Option<String>,
    pub specialty: Option<String>,
}

impl From<&CustomerProfile> for DirectoryCard {
    /// The visible part of a profile: no mobile number, no date of birth (section 3.2).
    fn from(p: &CustomerProfile) -> Self {
        DirectoryCard {
            customer_id: p.customer_id,
            display_name: p.display_name.clone(),
            practice_name: p.practice_name.clone(),
            practice_address: p.practice_address.clone(),
            practice_website: p.practice_website.clone(),
            specialty: p.specialty.clone(),
        }
    }
}

/// A patient/guest invited to a consultation with an access code (section 3.6).
///
/// Name and access code are stored until the customer deletes them; the e-mail address and the
/// mobile number are only used to deliver the code.
#[privflow::data]
#[derive(Debug, Clone, Deserialize)]
pub struct GuestInvitation {
    #[pii(category = "user.name", subject = "patient")]
    pub guest_name: String,
    #[pii(category = "user.authorization.credentials", subject = "patient")]
    pub access_code: String,
    #[pii(category = "user.contact.email", subject = "patient")]
    pub guest_email: Option<String>,
    #[pii(category = "user.contact.phone_number", subject = "patient")]
    pub guest_mobile: Option<String>,
}

/// A scheduled consultation in the customer's calendar.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Appointment { //~ cgm-videosprechstunde/erasure-supported
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub customer_id: i64,
    #[pii(category = "user.name", subject = "patient")]
    pub guest_name: String,
    pub starts_at: String,
    pub duration_minutes: i32,
}

/// A login on visite.elvi.de / clickdoc.elvi.de / beratung.elvi.de (section 3.3).
#[privflow::data]
#[derive(Debug, Clone, Deserialize)]
pub struct LoginAttempt {
    #[pii(category = "user.authorization.credentials", subject = "customer")]
    pub login_name: String,
    #[pii(category = "user.authorization.credentials", subject = "customer")]
    pub password: String,
    /// The Cloudflare Turnstile token of the login form.
    #[pii(category = "user.authorization.credentials")]
    pub turnstile_token: String,
    #[serde(skip)]
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
}

/// A participant joining the video session: the server only brokers the peer-to-peer
/// connection (section 3.4).
#[privflow::data]
#[derive(Debug, Clone, Deserialize)]
pub struct JoinRequest {
    pub session_id: String,
    pub participant_id: String,
    #[serde(skip)]
    #[pii(category = "user.device.ip_address")]
    pub peer_ip: String,
    #[pii(category = "user.device")]
    pub user_agent: String,
    /// SDP offer of the browser.
    pub offer: String,
}

/// A chat message of a video session (section 3.4: peer-to-peer, never stored).
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChatMessage { //~ cgm-videosprechstunde/erasure-supported
    pub session_id: String,
    pub from_participant: String,
    #[pii(category = "user.content")]
    pub text: String,
    pub sent_at: String,
}

/// A file uploaded to the whiteboard (section 3.4: kept temporarily and encrypted).
#[privflow::data]
#[derive(Debug, Clone)]
pub struct WhiteboardUpload {
    pub session_id: String,
    pub file_name: String,
    #[pii(category = "user.content")]
    pub bytes: Vec<u8>,
}

/// Kind of health insurance of a patient: only "privat" or "gesetzlich" goes to the lab.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InsuranceType {
    Privat,
    Gesetzlich,
}

/// The patient's master data as the practice management system (PVS) hands it over.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PatientRecord {
    #[phi(category = "user.health_and_medical.record_id", subject = "patient")]
    pub pvs_patient_id: String,
    #[pii(category = "user.name", subject = "patient")]
    pub salutation: String,
    #[pii(category = "user.name", subject = "patient")]
    pub first_name: String,
    #[pii(category = "user.name", subject = "patient")]
    pub last_name: String,
    #[pii(category = "user.contact.address", subject = "patient")]
    pub address: String,
    #[pii(category = "user.demographic.date_of_birth", subject = "patient")]
    pub birth_date: String,
    #[pii(category = "user.contact.email", subject = "patient")]
    pub email: Option<String>,
    #[pii(category = "user.contact.phone_number", subject = "patient")]
    pub mobile: Option<String>,
    #[phi(
        category = "user.health_and_medical.insurance_beneficiary_id",
        subject = "patient"
    )]
    pub insurance_type: InsuranceType,
    #[phi(
        category = "user.health_and_medical.insurance_beneficiary_id",
        subject = "patient"
    )]
    pub insurance_number: String,
    #[phi(subject = "patient")]
    pub diagnoses: Vec<String>,
}

/// The lab order of section 3.5: exactly the fields the statement lists.
#[cfg_attr(not(feature = "compliant"), allow(dead_code))]
#[privflow::data]
#[derive(Debug, Clone, Serialize)]
pub struct LabOrder {
    #[phi(subject = "patient")]
    pub test_type: String,
    #[pii(category = "user.name", subject = "patient")]
    pub salutation: String,
    #[pii(category = "user.name", subject = "patient")]
    pub first_name: String,
    #[pii(category = "user.name", subject = "patient")]
    pub last_name: String,
    #[pii(category = "user.contact.address", subject = "patient")]
    pub address: String,
    #[phi(
        category = "user.health_and_medical.insurance_beneficiary_id",
        subject = "patient"
    )]
    pub insurance_type: InsuranceType,
}

impl LabOrder {
    #[cfg_attr(not(feature = "compliant"), allow(dead_code))]
    /// Takes from the patient record only what the lab needs to ship the test kit.
    pub fn from_record(record: &PatientRecord, test_type: &str) -> Self {
        LabOrder {
            test_type: test_type.to_string(),
            salutation: record.salutation.clone(),
            first_name: record.first_name.clone(),
            last_name: record.last_name.clone(),
            address: record.address.clone(),
            insurance_type: record.insurance_type,
        }
    }
}
