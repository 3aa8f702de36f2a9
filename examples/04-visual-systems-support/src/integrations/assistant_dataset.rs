//! Training set of the helpdesk's answer-suggestion assistant: solved tickets as question/answer
//! pairs in our Google Cloud Storage bucket in Eemshaven (europe-west4).

use serde::Serialize;

use super::IntegrationError;

/// One solved ticket as a training example.
#[derive(Debug, Serialize)]
pub struct TrainingExample {
    pub ticket: i64,
    pub product_version: String,
    pub question: String,
    pub answer: String,
}

#[derive(Clone)]
pub struct AssistantDataset {
    http: reqwest::Client,
    bucket_url: String,
    token: String,
}

impl AssistantDataset {
    pub fn new(http: reqwest::Client, bucket_url: String, token: String) -> Self {
        Self {
            http,
            bucket_url,
            token,
        }
    }

    #[privflow::sink(
        kind = "storage",
        region = "europe-west4",
        purpose = "train_ai_system",
        encrypted = true
    )]
    pub async fn upload(&self, example: &TrainingExample) -> Result<(), IntegrationError> {
        self.http
            .put(format!(
                "{}/examples/ticket-{}.json",
                self.bucket_url, example.ticket
            ))
            .bearer_auth(&self.token)
            .json(example)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
