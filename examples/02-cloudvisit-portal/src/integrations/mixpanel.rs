//! Mixpanel (Mixpanel, Inc., San Francisco), added by the growth team for funnel reports.

use serde_json::{json, Value};

use super::BoxError;

pub struct Mixpanel {
    http: reqwest::Client,
    project_token: String,
}

impl Mixpanel {
    pub fn from_env(http: reqwest::Client) -> Self {
        Mixpanel {
            http,
            project_token: std::env::var("MIXPANEL_TOKEN").unwrap_or_default(),
        }
    }

    /// Mixpanel's `/track` ingestion endpoint.
    #[privflow::sink(
        kind = "analytics",
        recipient = "Mixpanel, Inc.",
        region = "US",
        purpose = "analytics",
        encrypted = true
    )]
    pub async fn track(
        &self,
        event: &str,
        distinct_id: &str,
        properties: Value,
    ) -> Result<(), BoxError> {
        let mut props = properties;
        props["token"] = json!(self.project_token);
        props["distinct_id"] = json!(distinct_id);
        self.http
            .post("https://api.mixpanel.com/track")
            .json(&json!([{ "event": event, "properties": props }]))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
