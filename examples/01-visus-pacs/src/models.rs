//! Domain types of the JiveX web backend, with their personal and health data tagged for privflow.
//!
//! Two worlds meet here: the company website (licence shop, contact form, newsletter, web
//! statistics) whose users are hospital staff and other customers, and the hosted JiveX PACS whose
//! DICOM studies and radiology reports are patients' health data.

use serde::{Deserialize, Serialize};

// ----------------------------------------------------------------------------- website and shop

/// A hospital, practice or reseller that buys JiveX licences in the web shop.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Customer {
    pub id: i64,
    /// Hospital or practice, e.g. "Klinikum Musterstadt gGmbH".
    pub organisation: String,
    #[pii(category = "user.name", subject = "customer")]
    pub contact_name: String,
    #[pii(category = "user.contact.email", subject = "customer")]
    pub email: String,
    #[pii(category = "user.contact.phone_number", subject = "customer")]
    pub phone: String,
    #[pii(category = "user.contact.address", subject = "customer")]
    pub billing_address: String,
    /// Whether the customer ticked "invite me to the short satisfaction survey" at checkout.
    pub survey_opt_in: bool,
}

/// A licence order placed in the web shop. Refers to the customer by id only.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LicenceOrder {
    /// Order number printed on the invoice, e.g. `JX-4F2A9C01`.
    pub number: String,
    pub customer_id: i64,
    /// Product key, e.g. `jivex-enterprise-pacs` or `jivex-teleradiology`.
    pub product: String,
    pub seats: u32,
    pub total_cents: i64,
    pub currency: String,
}

/// What the checkout page posts: the buyer and the licences in the basket.
#[derive(Debug, Deserialize)]
pub struct CheckoutRequest {
    pub customer: Customer,
    pub product: String,
    pub seats: u32,
}

/// A message sent through the contact form on the website.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[rustfmt::skip] // keeps the test-suite marker on the line of the type name
pub struct ContactInquiry { //~ visus/erasure-supported
    /// Reference quoted in our answer, e.g. `CI-7D31E0AA`; assigned when the inquiry arrives.
    #[serde(default)]
    pub reference: String,
    #[pii(category = "user.name", subject = "customer")]
    pub name: String,
    #[pii(category = "user.contact.email", subject = "customer")]
    pub email: String,
    #[pii(category = "user.contact.phone_number", subject = "customer")]
    pub phone: Option<String>,
    pub organisation: Option<String>,
    pub topic: InquiryTopic,
    #[pii(category = "user.content", subject = "customer")]
    pub message: String,
    /// "You may use my message to improve your products" (unticked by default).
    #[serde(default)]
    pub product_feedback_opt_in: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InquiryTopic {
    Sales,
    Support,
    FeatureRequest,
    Press,
}

impl InquiryTopic {
    pub fn as_str(self) -> &'static str {
        match self {
            InquiryTopic::Sales => "sales",
            InquiryTopic::Support => "support",
            InquiryTopic::FeatureRequest => "feature_request",
            InquiryTopic::Press => "press",
        }
    }
}

/// A newsletter subscription (double opt-in).
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewsletterSubscription {
    pub id: i64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    /// Random token of the confirmation link.
    pub confirm_token: String,
    /// Unix time the subscriber clicked the confirmation link; `None` until then.
    pub confirmed_at: Option<i64>,
    pub unsubscribed_at: Option<i64>,
}

/// What the newsletter form posts.
#[privflow::data]
#[derive(Debug, Deserialize)]
pub struct NewsletterSignup {
    #[pii(category = "user.contact.email")]
    pub email: String,
}

/// One page view reported by the website's tracking snippet to our own collector.
#[privflow::data]
#[derive(Debug, Clone)]
pub struct PageView {
    pub path: String,
    pub referrer: Option<String>,
    pub user_agent: String,
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
}

#[derive(Debug, Deserialize)]
pub struct PageViewBeacon {
    pub path: String,
    pub referrer: Option<String>,
}

// ----------------------------------------------------------------------------- hosted PACS

/// DICOM study metadata as received from a modality or a sending PACS (STOW-RS).
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Study {
    /// (0020,000D) Study Instance UID: a technical identifier, not about the patient.
    pub study_instance_uid: String,
    /// (0008,0050) Accession Number, assigned by the RIS to the order.
    pub accession_number: String,
    /// (0010,0010) Patient's Name.
    #[pii(category = "user.name", subject = "patient")]
    pub patient_name: String,
    /// (0010,0020) Patient ID (the hospital's medical record number).
    #[phi(subject = "patient")]
    pub patient_id: String,
    /// (0010,0030) Patient's Birth Date.
    #[pii(category = "user.demographic.date_of_birth", subject = "patient")]
    pub patient_birth_date: String,
    /// (0008,0060) Modality, e.g. "CT", "MR".
    #[phi(subject = "patient")]
    pub modality: String,
    /// (0008,1030) Study Description, e.g. "CT Thorax mit KM".
    #[phi(subject = "patient")]
    pub study_description: String,
    /// (0018,0015) Body Part Examined.
    #[phi(subject = "patient")]
    pub body_part: String,
    /// Tenant (hospital) the study belongs to.
    pub tenant: String,
}

/// One DICOM instance (an image or a structured report) of a study, as stored in the archive.
#[privflow::data]
#[derive(Debug, Clone, Deserialize)]
pub struct DicomInstance {
    pub study_instance_uid: String,
    pub sop_instance_uid: String,
    /// The Part 10 file: patient header and pixel data.
    #[phi(subject = "patient")]
    pub dataset: Vec<u8>,
}

/// A radiology report written in JiveX for a study.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RadiologyReport {
    pub id: i64,
    pub study_instance_uid: String,
    #[phi(subject = "patient")]
    pub findings: String,
    #[phi(subject = "patient")]
    pub impression: String,
    pub status: ReportStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Draft,
    Preliminary,
    Final,
}

/// A STOW-RS style upload: the study's metadata and its instances.
#[derive(Debug, Deserialize)]
pub struct StudyUpload {
    pub study: Study,
    pub instances: Vec<DicomInstance>,
}
