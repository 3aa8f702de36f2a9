//! Google Analytics 4 (Measurement Protocol) for the website and the customer portal.
//!
//! Section 3.1: a visit stores "geen persoonlijke gegevens ... dan alleen globale gegevens t.b.v.
//! Google Analytics": page, title and an anonymous per-visit client id, nothing about the person.

use serde::Serialize;

use super::IntegrationError;
use crate::models::{PortalPageView, Session};

#[derive(Clone)]
pub struct GoogleAnalytics {
    http: reqwest::Client,
    measurement_id: String,
    api_secret: String,
}

#[derive(Debug, Serialize)]
pub struct Ga4Payload {
    client_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_id: Option<String>,
    events: Vec<Ga4Event>,
}

#[derive(Debug, Serialize)]
struct Ga4Event {
    name: &'static str,
    params: PageParams,
}

#[derive(Debug, Serialize)]
struct PageParams {
    page_location: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    page_title: Option<String>,
}

impl GoogleAnalytics {
    pub fn new(http: reqwest::Client, measurement_id: String, api_secret: String) -> Self {
        Self {
            http,
            measurement_id,
            api_secret,
        }
    }

    /// Careless version: GA's "User-ID" was switched on to follow customers across devices; the
    /// portal login (an e-mail address) goes to Google as `user_id`.
    #[cfg(not(feature = "compliant"))]
    pub fn page_view(&self, session: &Session, view: &PortalPageView) -> Ga4Payload {
        Ga4Payload {
            client_id: crate::crypto::random_token(),
            user_id: Some(session.login_email.clone()),
            events: vec![Ga4Event {
                name: "page_view",
                params: PageParams {
                    page_location: view.path.clone(),
                    page_title: view.title.clone(),
                },
            }],
        }
    }

    /// Global data only: the page and an anonymous client id.
    #[cfg(feature = "compliant")]
    pub fn page_view(&self, _session: &Session, view: &PortalPageView) -> Ga4Payload {
        Ga4Payload {
            client_id: crate::crypto::random_token(),
            user_id: None,
            events: vec![Ga4Event {
                name: "page_view",
                params: PageParams {
                    page_location: view.path.clone(),
                    page_title: view.title.clone(),
                },
            }],
        }
    }

    #[privflow::sink(
        kind = "analytics",
        recipient = "Google",
        region = "US",
        purpose = "analytics",
        encrypted = true
    )]
    pub async fn send(&self, payload: &Ga4Payload) -> Result<(), IntegrationError> {
        self.http
            .post(format!(
                "https://www.google-analytics.com/mp/collect?measurement_id={}&api_secret={}",
                self.measurement_id, self.api_secret
            ))
            .json(payload)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
