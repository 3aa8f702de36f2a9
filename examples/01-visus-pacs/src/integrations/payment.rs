//! Licence payments through Stripe (Stripe Payments Europe, Ltd., Dublin).
//!
//! Forwarding the buyer's name, e-mail and billing address to the payment provider is "necessary
//! for the purposes of order handling or billing purposes".

use serde::Serialize;

use super::IntegrationError;
use crate::models::{Customer, LicenceOrder};

#[derive(Clone)]
pub struct StripeClient {
    http: reqwest::Client,
    secret_key: String,
}

#[privflow::data]
#[derive(Serialize)]
struct InvoiceRequest<'a> {
    #[pii(category = "user.name")]
    customer_name: &'a str,
    #[pii(category = "user.contact.email")]
    customer_email: &'a str,
    #[pii(category = "user.contact.address")]
    billing_address: &'a str,
    description: String,
    amount: i64,
    currency: &'a str,
    metadata_order_number: &'a str,
}

impl StripeClient {
    pub fn new(http: reqwest::Client, secret_key: String) -> Self {
        Self { http, secret_key }
    }

    /// Creates and sends the invoice for a licence order; returns Stripe's invoice id.
    pub async fn invoice_order(
        &self,
        customer: &Customer,
        order: &LicenceOrder,
    ) -> Result<String, IntegrationError> {
        let request = InvoiceRequest {
            customer_name: &customer.contact_name,
            customer_email: &customer.email,
            billing_address: &customer.billing_address,
            description: format!("{} x {}", order.seats, order.product),
            amount: order.total_cents,
            currency: &order.currency,
            metadata_order_number: &order.number,
        };
        self.create_invoice(&request).await
    }

    #[privflow::sink(
        kind = "network",
        recipient = "Stripe Payments Europe, Ltd.",
        region = "IE",
        purpose = "essential.service.payment_processing",
        encrypted = true
    )]
    async fn create_invoice(
        &self,
        request: &InvoiceRequest<'_>,
    ) -> Result<String, IntegrationError> {
        let response: serde_json::Value = self
            .http
            .post("https://api.stripe.com/v1/invoices")
            .bearer_auth(&self.secret_key)
            .json(request)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(response["id"].as_str().unwrap_or_default().to_string())
    }
}
