//! Partner marketing feed: Hudson Valley Pharmacy Group runs a refill-reminder and offers
//! newsletter and asked for the patients who opted in to marketing e-mail.

use serde_json::json;

use super::BoxError;
use crate::models::Patient;

/// Adds one contact to the partner's mailing audience.
#[privflow::sink(
    kind = "network",
    recipient = "Hudson Valley Pharmacy Group",
    region = "US",
    encrypted = true,
    purpose = "marketing.communications.email"
)]
pub async fn add_to_partner_audience(
    http: &reqwest::Client,
    name: &str,
    email: &str,
) -> Result<(), BoxError> {
    http.post("https://api.hvpharmacygroup.com/v2/audiences/cloudvisit/members")
        .bearer_auth(std::env::var("HVPG_API_KEY").unwrap_or_default())
        .json(&json!({ "name": name, "email": email, "source": "cloudvisit" }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Pushes one opted-in patient to the partner.
pub async fn push_contact(http: &reqwest::Client, patient: &Patient) -> Result<(), BoxError> {
    add_to_partner_audience(http, &patient.full_name, &patient.email).await //~ cloudvisit/no-third-party-direct-marketing
}
