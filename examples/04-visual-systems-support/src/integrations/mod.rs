//! Outbound integrations: e-mail, SEPA direct debits, Google Analytics, the support-assistant
//! training set.

pub mod analytics;
pub mod assistant_dataset;
pub mod mailer;
pub mod payments;

/// Error of an outbound call; carries no request data.
#[derive(Debug)]
pub struct IntegrationError(pub &'static str);

impl From<reqwest::Error> for IntegrationError {
    fn from(_: reqwest::Error) -> Self {
        IntegrationError("http request failed")
    }
}

impl std::fmt::Display for IntegrationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}
