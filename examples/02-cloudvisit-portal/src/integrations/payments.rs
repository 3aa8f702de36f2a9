//! Card payments through the payment processor (Stripe). Only the processor's card token is
//! ever seen by the portal.

use serde::Deserialize;

use super::BoxError;
use crate::models::Payment;

/// The processor's answer to a charge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChargeOutcome {
    Succeeded,
    Declined,
    /// Timed out or the processor was unavailable: try again later.
    Retry,
}

#[derive(Deserialize)]
struct ChargeResponse {
    status: String,
}

/// Charges the visit fee.
#[privflow::sink(
    kind = "network",
    recipient = "Stripe, Inc.",
    region = "US",
    encrypted = true,
    purpose = "essential.service.payment_processing"
)]
pub async fn charge(http: &reqwest::Client, payment: &Payment) -> Result<ChargeOutcome, BoxError> {
    let response = http
        .post("https://api.stripe.com/v1/payment_intents")
        .bearer_auth(std::env::var("STRIPE_SECRET_KEY").unwrap_or_default())
        .form(&[
            ("amount", payment.amount_cents.to_string()),
            ("currency", "usd".to_string()),
            ("payment_method", payment.card_token.clone()),
            ("confirm", "true".to_string()),
            ("metadata[visit_id]", payment.visit_id.to_string()),
        ])
        .send()
        .await;
    let response = match response {
        Ok(r) if r.status().is_server_error() => return Ok(ChargeOutcome::Retry),
        Ok(r) => r,
        Err(e) if e.is_timeout() || e.is_connect() => return Ok(ChargeOutcome::Retry),
        Err(e) => return Err(e.into()),
    };
    let body: ChargeResponse = response.json().await?;
    Ok(match body.status.as_str() {
        "succeeded" | "processing" => ChargeOutcome::Succeeded,
        _ => ChargeOutcome::Declined,
    })
}
