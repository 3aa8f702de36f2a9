//! Customer-satisfaction survey after a licence purchase (SurveyMonkey Europe UC, Dublin).
//!
//! SurveyMonkey is a third party and the survey is neither order handling nor billing, so a buyer
//! is invited only if they ticked "invite me to the short satisfaction survey" at checkout.

use serde::Serialize;

use super::IntegrationError;
use crate::models::Customer;

#[derive(Clone)]
pub struct SurveyClient {
    http: reqwest::Client,
    api_token: String,
    collector_id: String,
}

#[privflow::data]
#[derive(Serialize)]
struct Recipient<'a> {
    #[pii(category = "user.contact.email")]
    email: &'a str,
    #[pii(category = "user.name")]
    first_name: &'a str,
    custom_fields: CustomFields<'a>,
}

#[derive(Serialize)]
struct CustomFields<'a> {
    organisation: &'a str,
    product: &'a str,
}

impl SurveyClient {
    pub fn new(http: reqwest::Client, api_token: String, collector_id: String) -> Self {
        Self {
            http,
            api_token,
            collector_id,
        }
    }

    /// Adds the buyer to the survey's e-mail collector; SurveyMonkey sends the invitation.
    pub async fn invite(&self, customer: &Customer, product: &str) -> Result<(), IntegrationError> {
        let recipient = Recipient {
            email: &customer.email,
            first_name: &customer.contact_name,
            custom_fields: CustomFields {
                organisation: &customer.organisation,
                product,
            },
        };
        self.add_recipient(&recipient).await //~ visus/third-party-only-for-orders-or-consent
    }

    #[privflow::sink(
        kind = "network",
        recipient = "SurveyMonkey Europe UC",
        region = "IE",
        purpose = "analytics.reporting",
        encrypted = true
    )]
    async fn add_recipient(&self, recipient: &Recipient<'_>) -> Result<(), IntegrationError> {
        self.http
            .post(format!(
                "https://api.eu.surveymonkey.com/v3/collectors/{}/messages/recipients",
                self.collector_id
            ))
            .bearer_auth(&self.api_token)
            .json(recipient)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
