//! Error reporting to Sentry (EU data residency, ingest in Frankfurt). Sentry is not one of the
//! trusted third parties of the privacy statement, so error events must carry no personal data.

use serde_json::{json, Value};

use crate::models::{now_unix, Account};

/// A Sentry DSN, split into the parts the store endpoint needs.
#[derive(Debug, Clone)]
pub struct SentryDsn {
    pub public_key: String,
    pub host: String,
    pub project_id: String,
}

impl SentryDsn {
    /// Parses `https://<public_key>@<host>/<project_id>`.
    pub fn parse(dsn: &str) -> Option<Self> {
        let rest = dsn.strip_prefix("https://")?;
        let (public_key, rest) = rest.split_once('@')?;
        let (host, project_id) = rest.split_once('/')?;
        Some(SentryDsn {
            public_key: public_key.to_string(),
            host: host.to_string(),
            project_id: project_id.to_string(),
        })
    }
}

#[privflow::sink(
    kind = "network",
    recipient = "Sentry",
    region = "DE",
    encrypted = true,
    purpose = "essential.service.operations"
)]
async fn store_event(
    http: &reqwest::Client,
    dsn: &SentryDsn,
    event: &Value,
) -> Result<(), reqwest::Error> {
    http.post(format!(
        "https://{}/api/{}/store/",
        dsn.host, dsn.project_id
    ))
    .header(
        "X-Sentry-Auth",
        format!(
            "Sentry sentry_version=7, sentry_client=zaurus-api/1.0, sentry_key={}",
            dsn.public_key
        ),
    )
    .json(event)
    .send()
    .await?
    .error_for_status()?;
    Ok(())
}

/// Reports an error that happened while serving `account`.
pub async fn capture_error(
    http: &reqwest::Client,
    dsn: &SentryDsn,
    error: &(dyn std::error::Error + Sync),
    account: &Account,
) {
    let event = json!({
        "timestamp": now_unix(),
        "level": "error",
        "platform": "other",
        "logger": "zaurus-api",
        "message": error.to_string(),
        "user": user_context(account),
    });
    let result = store_event(http, dsn, &event).await; //~ zaurus/undisclosed-recipient
    if let Err(err) = result {
        tracing::warn!(error = %err, "could not report the error to Sentry");
    }
}

/// The `user` interface of the event. Support asked to see who hit an error without having to
/// look the id up, so the profile's name and e-mail address went in.
#[cfg(not(feature = "compliant"))]
fn user_context(account: &Account) -> Value {
    json!({ "id": account.id, "email": account.email, "username": account.display_name })
}

/// The `user` interface of the event: the internal account id only.
#[cfg(feature = "compliant")]
fn user_context(account: &Account) -> Value {
    json!({ "id": account.id })
}
