//! SMS reminders ("your visit starts in 10 minutes") through the SMS gateway.

use serde_json::json;

use crate::models::Patient;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The self-hosted gateway in the VPC; it only listens on plain HTTP.
#[cfg(not(feature = "compliant"))]
const SMS_GATEWAY: &str = "http://sms-gateway.cv-internal:13013/cgi-bin/sendsms";

/// The SMS provider's API, over TLS.
#[cfg(feature = "compliant")]
const SMS_GATEWAY: &str = "https://sms.cloudvisittm.com/v1/messages";

/// Posts one text message to the gateway.
#[cfg(not(feature = "compliant"))]
#[privflow::sink(kind = "sms", purpose = "essential.service.notifications.sms")]
async fn post_sms(http: &reqwest::Client, to: &str, text: &str) -> Result<(), BoxError> {
    http.post(SMS_GATEWAY)
        .json(&json!({ "to": to, "text": text, "from": "CloudVisit" }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Posts one text message to the gateway.
#[cfg(feature = "compliant")]
#[privflow::sink(
    kind = "sms",
    encrypted = true,
    purpose = "essential.service.notifications.sms"
)]
async fn post_sms(http: &reqwest::Client, to: &str, text: &str) -> Result<(), BoxError> {
    http.post(SMS_GATEWAY)
        .json(&json!({ "to": to, "text": text, "from": "CloudVisit" }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Reminds the patient shortly before the visit.
pub async fn visit_reminder(
    http: &reqwest::Client,
    patient: &Patient,
    minutes: i64,
) -> Result<(), BoxError> {
    let text = format!(
        "Hi {}, your CloudVisit video visit starts in {minutes} minutes. Open the app to join.",
        patient.first_name()
    );
    post_sms(http, &patient.mobile_phone, &text).await //~ cloudvisit/encrypt-in-transit
}
