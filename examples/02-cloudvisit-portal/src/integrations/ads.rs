//! Meta Conversions API: reports sign-ups so that the "Book a video visit" ads can be
//! optimised for conversions. Added by the growth team.

use std::hash::{DefaultHasher, Hash, Hasher};

use serde_json::json;

use super::BoxError;
use crate::models::Patient;

/// Normalises and hashes an e-mail address the way the Conversions API expects it. (Meta wants
/// SHA-256; the example has no `sha2` dependency, so std's hasher stands in.)
#[privflow::sanitizer(hash)]
pub fn hashed_email(email: &str) -> String {
    let mut h = DefaultHasher::new();
    email.trim().to_lowercase().hash(&mut h);
    format!("{:016x}", h.finish())
}

/// Sends one server-side conversion event to Meta.
#[privflow::sink(
    kind = "advertising",
    recipient = "Meta Platforms, Inc.",
    region = "US",
    encrypted = true
)]
pub async fn send_conversion(
    http: &reqwest::Client,
    event_name: &str,
    em: &str,
) -> Result<(), BoxError> {
    let pixel_id = std::env::var("META_PIXEL_ID").unwrap_or_default();
    let token = std::env::var("META_CAPI_TOKEN").unwrap_or_default();
    http.post(format!("https://graph.facebook.com/v19.0/{pixel_id}/events"))
        .query(&[("access_token", token)])
        .json(&json!({ "data": [{ "event_name": event_name, "action_source": "website", "user_data": { "em": [em] } }] }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Reports a completed registration ("it's only a hash").
pub async fn report_signup(http: &reqwest::Client, patient: &Patient) -> Result<(), BoxError> {
    let em = hashed_email(&patient.email);
    send_conversion(http, "CompleteRegistration", &em).await //~ cloudvisit/no-sale-to-brokers-or-ads
}
