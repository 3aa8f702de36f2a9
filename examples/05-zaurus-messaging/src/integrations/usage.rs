//! Usage data: "Usage data consists of non-personal data such as device information, [...]
//! statistics, clickstream data and figures related to your use of the service." Events go to
//! the product-analytics pipeline in Frankfurt, where the customer-success dashboards read them.

use serde_json::{json, Value};

use crate::models::{now_unix, Account};

const USAGE_PIPELINE: &str = "https://usage.eu-central-1.zaurus.internal/v1/events";

#[privflow::sink(
    kind = "analytics",
    region = "eu-central-1",
    purpose = "analytics.reporting"
)]
async fn publish(http: &reqwest::Client, event: &Value) -> Result<(), reqwest::Error> {
    http.post(USAGE_PIPELINE)
        .json(event)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Records that `account` did `action` (`message_sent`, `attachment_uploaded`, ...).
pub async fn track(http: &reqwest::Client, account: &Account, action: &str) {
    let event = usage_event(account, action);
    let result = publish(http, &event).await; //~ zaurus/contact-details-purpose
    if let Err(err) = result {
        tracing::debug!(error = %err, action, "usage event dropped");
    }
}

/// The event. Customer success wanted to see in the dashboard who is active without a lookup,
/// so the user's e-mail address was added.
#[cfg(not(feature = "compliant"))]
fn usage_event(account: &Account, action: &str) -> Value {
    json!({
        "action": action,
        "account_id": account.id,
        "role": account.role,
        "email": account.email,
        "at": now_unix(),
    })
}

/// The event: the internal account id, no contact details.
#[cfg(feature = "compliant")]
fn usage_event(account: &Account, action: &str) -> Value {
    json!({
        "action": action,
        "account_id": account.id,
        "role": account.role,
        "at": now_unix(),
    })
}
