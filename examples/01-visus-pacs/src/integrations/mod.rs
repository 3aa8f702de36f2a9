//! Outbound integrations: everything that sends data to another system.

pub mod google_ads;
pub mod google_analytics;
pub mod mailer;
pub mod payment;
pub mod product_feedback;
pub mod survey;

/// Error of an outbound call. Carries only the status, never the request body.
#[derive(Debug)]
pub struct IntegrationError(pub String);

impl From<reqwest::Error> for IntegrationError {
    fn from(e: reqwest::Error) -> Self {
        IntegrationError(e.without_url().to_string())
    }
}

impl std::fmt::Display for IntegrationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
