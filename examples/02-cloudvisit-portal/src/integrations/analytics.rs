//! Product analytics. CloudVisit's own event pipeline (`metrics.cloudvisittm.com`, our AWS
//! account) counts what happens in the product; it receives no personal data.

use serde_json::{json, Value};

use super::BoxError;
use crate::models::Visit;

/// First-party product metrics: no third party, no personal data.
#[derive(Clone)]
pub struct ProductMetrics {
    http: reqwest::Client,
    endpoint: String,
}

impl ProductMetrics {
    pub fn new(http: reqwest::Client) -> Self {
        ProductMetrics {
            http,
            endpoint: "https://metrics.cloudvisittm.com/v1/events".to_string(),
        }
    }

    #[privflow::sink(kind = "analytics", purpose = "analytics", encrypted = true)]
    pub async fn record(&self, event: &str, properties: Value) -> Result<(), BoxError> {
        self.http
            .post(&self.endpoint)
            .json(&json!({ "event": event, "properties": properties }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

/// Reports a completed visit to the growth funnel.
#[cfg(not(feature = "compliant"))]
pub async fn visit_completed(metrics: &ProductMetrics, visit: &Visit) -> Result<(), BoxError> {
    // Careless: growth wanted "visits by reason" in Mixpanel, so the event carries the reason
    // and the diagnosis codes along with the duration.
    let mixpanel = super::mixpanel::Mixpanel::from_env(metrics.http.clone());
    let properties = json!({
        "provider_id": visit.provider_id,
        "duration_minutes": visit.duration_minutes,
        "reason": visit.reason_for_visit,
        "diagnosis_codes": visit.diagnosis_codes,
    });
    let distinct_id = visit.patient_id.to_string();
    mixpanel
        .track("Visit Completed", &distinct_id, properties) //~ cloudvisit/no-sale-to-brokers-or-ads cloudvisit/phi-to-third-party-only-for-treatment baseline/phi-to-third-party-tracking
        .await
}

/// Reports a completed visit to the growth funnel: our own pipeline, nothing about the
/// patient or the visit's content.
#[cfg(feature = "compliant")]
pub async fn visit_completed(metrics: &ProductMetrics, visit: &Visit) -> Result<(), BoxError> {
    let properties = json!({
        "provider_id": visit.provider_id,
        "duration_minutes": visit.duration_minutes,
    });
    metrics.record("visit_completed", properties).await
}
