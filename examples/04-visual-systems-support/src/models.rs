//! Domain types of the Visual Systems support and subscription backend.
//!
//! Every personal field declares the purposes it was collected for (`purposes = [..]`), taken from
//! section 3 of the privacy statement ("Privacyverklaring", versie 1.3):
//!
//! - 3.2 name and contact details "voor onze facturatie en helpdesk" →
//!   `essential.service.payment_processing`, `essential.service.operations.support`;
//!   payment details "om uw betaling te verwerken" → `essential.service.payment_processing`;
//! - 3.3 credentials "voor authenticatie en toegang tot uw account" →
//!   `essential.service.authentication`;
//! - 3.4 support data "om tot een probleemoplossing te kunnen komen" →
//!   `essential.service.operations.support`;
//! - 3.6 training and event registrations "informeren over de status van uw registratie" →
//!   `essential.service.notifications`;
//! - newsletter addresses, given with explicit consent (section 4) →
//!   `marketing.communications.email`.

use serde::{Deserialize, Serialize};

// ----------------------------------------------------------------------------- customers

/// A customer (organisation) with its contact person, created when a subscription is concluded.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Customer {
    #[serde(default)]
    pub id: i64,
    pub company: String,
    #[pii(
        category = "user.name",
        subject = "customer",
        purposes = ["essential.service.payment_processing", "essential.service.operations.support"]
    )]
    pub contact_name: String,
    #[pii(
        category = "user.contact.email",
        subject = "customer",
        purposes = ["essential.service.payment_processing", "essential.service.operations.support"]
    )]
    pub email: String,
    #[pii(
        category = "user.contact.phone_number",
        subject = "customer",
        purposes = ["essential.service.payment_processing", "essential.service.operations.support"]
    )]
    pub phone: String,
    #[pii(
        category = "user.contact.address",
        subject = "customer",
        purposes = ["essential.service.payment_processing"]
    )]
    pub postal_address: String,
    /// "Houd mij op de hoogte van nieuwe producten" (unticked by default): explicit consent for
    /// product announcements.
    #[serde(default)]
    pub product_news_opt_in: bool,
}

/// A software subscription ("abonnement") of a customer, paid by SEPA direct debit.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Subscription {
    #[serde(default)]
    pub id: i64,
    pub customer_id: i64,
    /// Plan key, e.g. `vs-planning-basis`, `vs-planning-pro`.
    pub plan: String,
    pub seats: u32,
    pub monthly_cents: i64,
    #[pii(
        category = "user.financial.bank_account",
        subject = "customer",
        purposes = ["essential.service.payment_processing"]
    )]
    pub iban: String,
}

/// A monthly invoice. Refers to the customer by id only.
#[derive(Debug, Clone, Serialize)]
pub struct Invoice {
    pub number: String,
    pub customer_id: i64,
    pub subscription_id: i64,
    pub period: String,
    pub amount_cents: i64,
}

/// A login to the customer portal and the software.
#[privflow::data]
#[derive(Debug, Clone)]
pub struct Account {
    #[pii(
        category = "user.contact.email",
        subject = "customer",
        purposes = ["essential.service.authentication"]
    )]
    pub login_email: String,
    #[pii(
        category = "user.authorization.credentials",
        subject = "customer",
        purposes = ["essential.service.authentication"]
    )]
    pub password_hash: String,
}

/// What the order form posts when a subscription is concluded.
#[privflow::data]
#[derive(Debug, Deserialize)]
pub struct SignupRequest {
    pub customer: Customer,
    pub plan: String,
    pub seats: u32,
    #[pii(
        category = "user.financial.bank_account",
        subject = "customer",
        purposes = ["essential.service.payment_processing"]
    )]
    pub iban: String,
    #[pii(
        category = "user.authorization.credentials",
        subject = "customer",
        purposes = ["essential.service.authentication"]
    )]
    pub password: String,
}

/// A logged-in portal session, loaded from the session cookie.
#[privflow::data]
#[derive(Debug, Clone)]
pub struct Session {
    pub account_id: i64,
    pub customer_id: i64,
    #[pii(
        category = "user.contact.email",
        subject = "customer",
        purposes = ["essential.service.authentication"]
    )]
    pub login_email: String,
}

// ----------------------------------------------------------------------------- helpdesk

/// A support ticket ("ondersteuningsincident").
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SupportTicket {
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub customer_id: i64,
    pub subject: String,
    #[pii(
        category = "user.name",
        subject = "customer",
        purposes = ["essential.service.operations.support"]
    )]
    pub reporter_name: String,
    #[pii(
        category = "user.contact.email",
        subject = "customer",
        purposes = ["essential.service.operations.support"]
    )]
    pub reporter_email: String,
    /// What went wrong, in the customer's words.
    #[pii(
        category = "user.content",
        subject = "customer",
        purposes = ["essential.service.operations.support"]
    )]
    pub description: String,
    /// Application version and OS, from the software's error report.
    pub app_version: String,
    pub platform: String,
    #[serde(default)]
    pub status: TicketStatus,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    #[default]
    Open,
    WaitingForCustomer,
    Closed,
}

impl TicketStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TicketStatus::Open => "open",
            TicketStatus::WaitingForCustomer => "waiting_for_customer",
            TicketStatus::Closed => "closed",
        }
    }
}

/// One message in a ticket's conversation, from the customer or a helpdesk agent.
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TicketMessage {
    #[serde(default)]
    pub ticket_id: i64,
    pub from_agent: bool,
    #[pii(
        category = "user.content",
        subject = "customer",
        purposes = ["essential.service.operations.support"]
    )]
    pub body: String,
}

// ----------------------------------------------------------------------------- events, newsletter, website

/// A registration for a training or an event (section 3.6).
#[privflow::data]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[rustfmt::skip] // keeps the test-suite marker on the line of the type name
pub struct EventRegistration { //~ visual-systems/erasure-supported
    #[serde(default)]
    pub id: i64,
    #[serde(default)]
    pub event_code: String,
    #[pii(
        category = "user.name",
        subject = "customer",
        purposes = ["essential.service.notifications"]
    )]
    pub name: String,
    #[pii(
        category = "user.contact.email",
        subject = "customer",
        purposes = ["essential.service.notifications"]
    )]
    pub email: String,
    pub company: Option<String>,
}

/// A newsletter subscriber (double opt-in).
#[privflow::data]
#[derive(Debug, Clone)]
pub struct NewsletterSubscriber {
    pub id: i64,
    #[pii(
        category = "user.contact.email",
        purposes = ["marketing.communications.email"]
    )]
    pub email: String,
    pub token: String,
    /// Unix time the confirmation link was clicked; `None` until then.
    pub confirmed_at: Option<i64>,
}

/// What the newsletter form posts.
#[privflow::data]
#[derive(Debug, Deserialize)]
pub struct NewsletterSignup {
    #[pii(
        category = "user.contact.email",
        purposes = ["marketing.communications.email"]
    )]
    pub email: String,
}

/// A page view in the customer portal, reported by the portal's front end.
#[derive(Debug, Clone, Deserialize)]
pub struct PortalPageView {
    pub path: String,
    pub title: Option<String>,
}
