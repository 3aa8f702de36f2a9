//! Usage statistics (section 3.4): start and end of a consultation, number of participants and
//! the participants' operating systems, in anonymised form. Written to La-Well's own metrics
//! store in Bünde.

use serde_json::json;

#[cfg(feature = "compliant")]
use crate::crypto;
use crate::session::signalling::SessionSummary;

#[derive(Clone)]
pub struct UsageStats {
    http: reqwest::Client,
}

impl UsageStats {
    pub fn new(http: reqwest::Client) -> Self {
        UsageStats { http }
    }

    #[privflow::sink(kind = "analytics", region = "DE", encrypted = true)]
    async fn record(&self, event: &serde_json::Value) -> Result<(), reqwest::Error> {
        self.http
            .post("https://metrics.la-well.de/api/v1/events")
            .json(event)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }

    /// One event per finished consultation: the clients reduced to their OS family.
    #[cfg(feature = "compliant")]
    pub async fn session_finished(&self, summary: &SessionSummary) -> Result<(), reqwest::Error> {
        let client_os: Vec<String> = summary
            .peers
            .iter()
            .map(|p| crypto::os_family(&p.user_agent))
            .collect();
        self.record(&json!({
            "event": "session_finished",
            "started_at": summary.started_at,
            "ended_at": summary.ended_at,
            "participants": summary.participants,
            "client_os": client_os,
        }))
        .await
    }

    /// One event per finished consultation, with the full user agents for the browser
    /// compatibility dashboard.
    #[cfg(not(feature = "compliant"))]
    pub async fn session_finished(&self, summary: &SessionSummary) -> Result<(), reqwest::Error> {
        let user_agents: Vec<&str> = summary
            .peers
            .iter()
            .map(|p| p.user_agent.as_str())
            .collect();
        self.record(&json!({ //~ cgm-videosprechstunde/statistics-anonymized
            "event": "session_finished",
            "started_at": summary.started_at,
            "ended_at": summary.ended_at,
            "participants": summary.participants,
            "user_agents": user_agents,
        }))
        .await
    }
}
