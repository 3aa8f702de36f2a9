//! Feature requests for product management, filed as issues in our self-hosted YouTrack
//! (eu-central-1).

use serde::Serialize;

use super::IntegrationError;
use crate::models::ContactInquiry;

#[derive(Clone)]
pub struct FeedbackBoard {
    http: reqwest::Client,
    base_url: String,
    token: String,
}

#[derive(Serialize)]
struct Issue {
    project: &'static str,
    summary: String,
    description: String,
}

impl FeedbackBoard {
    pub fn new(http: reqwest::Client, base_url: String, token: String) -> Self {
        Self {
            http,
            base_url,
            token,
        }
    }

    /// Files a contact-form message as a feature request, with the sender so that product
    /// management can ask back.
    pub async fn file_feature_request(
        &self,
        inquiry: &ContactInquiry,
    ) -> Result<(), IntegrationError> {
        let issue = Issue {
            project: "JIVEX-IDEAS",
            summary: format!("Website request {}", inquiry.reference),
            description: format!(
                "{}\n\n-- {} <{}>, {}",
                inquiry.message,
                inquiry.name,
                inquiry.email,
                inquiry.organisation.as_deref().unwrap_or("-")
            ),
        };
        self.create_issue(&issue).await //~ visus/purpose-limitation
    }

    #[privflow::sink(
        kind = "network",
        purpose = "functional.service.improve",
        encrypted = true
    )]
    async fn create_issue(&self, issue: &Issue) -> Result<(), IntegrationError> {
        self.http
            .post(format!("{}/api/issues", self.base_url))
            .bearer_auth(&self.token)
            .json(issue)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
