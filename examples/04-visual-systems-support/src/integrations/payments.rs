//! SEPA direct debits through Mollie B.V. (Amsterdam).

use serde::Serialize;

use super::IntegrationError;
use crate::models::{Customer, Invoice, Subscription};

#[derive(Clone)]
pub struct Mollie {
    http: reqwest::Client,
    api_key: String,
}

#[privflow::data]
#[derive(Serialize)]
struct DirectDebit<'a> {
    method: &'static str,
    #[pii(
        category = "user.name",
        subject = "customer",
        purposes = ["essential.service.payment_processing"]
    )]
    consumer_name: &'a str,
    /// The IBAN the direct debit is drawn from.
    #[pii(
        category = "user.financial.bank_account",
        subject = "customer",
        purposes = ["essential.service.payment_processing"]
    )]
    consumer_account: &'a str,
    amount: Amount,
    description: String,
}

#[derive(Serialize)]
struct Amount {
    currency: &'static str,
    value: String,
}

impl Mollie {
    pub fn new(http: reqwest::Client, api_key: String) -> Self {
        Self { http, api_key }
    }

    /// Collects an invoice from the customer's bank account.
    pub async fn collect(
        &self,
        customer: &Customer,
        subscription: &Subscription,
        invoice: &Invoice,
    ) -> Result<(), IntegrationError> {
        let debit = DirectDebit {
            method: "directdebit",
            consumer_name: &customer.contact_name,
            consumer_account: &subscription.iban,
            amount: Amount {
                currency: "EUR",
                value: format!("{:.2}", invoice.amount_cents as f64 / 100.0),
            },
            description: format!("Visual Systems factuur {}", invoice.number),
        };
        self.create_payment(&debit).await
    }

    #[privflow::sink(
        kind = "network",
        recipient = "Mollie B.V.",
        region = "NL",
        purpose = "essential.service.payment_processing",
        encrypted = true
    )]
    async fn create_payment(&self, debit: &DirectDebit<'_>) -> Result<(), IntegrationError> {
        self.http
            .post("https://api.mollie.com/v2/payments")
            .bearer_auth(&self.api_key)
            .json(debit)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
