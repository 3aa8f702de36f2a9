//! Server-side Google Analytics (Measurement Protocol).
//!
//! The website's tracking snippet posts page views to our collector (`POST /collect`), which
//! forwards them to Google. Google processes the hits in the USA, so the IP address must be
//! shortened before it leaves our systems, as the privacy statement promises.

use serde::Serialize;

use super::IntegrationError;
use crate::models::PageView;

#[derive(Clone)]
pub struct GoogleAnalytics {
    http: reqwest::Client,
    tracking_id: String,
}

/// One Measurement Protocol hit.
#[derive(Debug, Serialize)]
pub struct Hit {
    v: u8,
    tid: String,
    /// Anonymous client id: a fresh random value per hit, we count views, not visitors.
    cid: String,
    t: &'static str,
    dp: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    dr: Option<String>,
    ua: String,
    /// IP override: the visitor's address as Google should see it.
    uip: String,
    /// Ask Google to anonymise the IP address as well.
    aip: u8,
}

impl GoogleAnalytics {
    pub fn new(http: reqwest::Client, tracking_id: String) -> Self {
        Self { http, tracking_id }
    }

    /// Careless version: the marketing team wanted city-level reports, so the full address is
    /// sent as `uip` and `aip` is switched off.
    #[cfg(not(feature = "compliant"))]
    pub fn hit_for(&self, view: &PageView) -> Hit {
        Hit {
            v: 1,
            tid: self.tracking_id.clone(),
            cid: crate::crypto::random_token(),
            t: "pageview",
            dp: view.path.clone(),
            dr: view.referrer.clone(),
            ua: view.user_agent.clone(),
            uip: view.client_ip.clone(),
            aip: 0,
        }
    }

    /// The address is shortened here, before the hit leaves our systems.
    #[cfg(feature = "compliant")]
    pub fn hit_for(&self, view: &PageView) -> Hit {
        Hit {
            v: 1,
            tid: self.tracking_id.clone(),
            cid: crate::crypto::random_token(),
            t: "pageview",
            dp: view.path.clone(),
            dr: view.referrer.clone(),
            ua: view.user_agent.clone(),
            uip: crate::crypto::truncate_ip(&view.client_ip),
            aip: 1,
        }
    }

    #[privflow::sink(
        kind = "analytics",
        recipient = "Google Inc.",
        region = "US",
        purpose = "analytics",
        encrypted = true
    )]
    pub async fn collect(&self, hit: &Hit) -> Result<(), IntegrationError> {
        self.http
            .post("https://www.google-analytics.com/collect")
            .form(hit)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
