//! Google AdWords conversion tracking for licence purchases.
//!
//! The statement promises that conversion tracking contains no personal data: Google learns that
//! a visitor who clicked an advert bought something, and the value, nothing about who it was.

use serde::Serialize;

use super::IntegrationError;
use crate::models::{Customer, LicenceOrder};

#[derive(Clone)]
pub struct ConversionTracker {
    http: reqwest::Client,
    conversion_id: String,
    conversion_label: String,
}

/// One conversion upload.
#[privflow::data]
#[derive(Debug, Serialize)]
pub struct Conversion {
    conversion_id: String,
    label: String,
    /// The `gclid` of the advert click, from the conversion cookie.
    gclid: String,
    value: f64,
    currency: String,
    order_id: String,
    /// "Enhanced conversions": the buyer's hashed e-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[pii(category = "user.contact.email")]
    hashed_email: Option<String>,
}

impl ConversionTracker {
    pub fn new(http: reqwest::Client, conversion_id: String, conversion_label: String) -> Self {
        Self {
            http,
            conversion_id,
            conversion_label,
        }
    }

    /// Careless version: "enhanced conversions" were switched on to recover conversions lost to
    /// cookie blockers; they attach the buyer's e-mail address, hashed (still personal data).
    #[cfg(not(feature = "compliant"))]
    pub fn conversion_for(
        &self,
        gclid: &str,
        order: &LicenceOrder,
        customer: &Customer,
    ) -> Conversion {
        Conversion {
            conversion_id: self.conversion_id.clone(),
            label: self.conversion_label.clone(),
            gclid: gclid.to_string(),
            value: order.total_cents as f64 / 100.0,
            currency: order.currency.clone(),
            order_id: order.number.clone(),
            hashed_email: Some(crate::crypto::email_digest(&customer.email)),
        }
    }

    /// The conversion carries the click id, the order value and our order number only.
    #[cfg(feature = "compliant")]
    pub fn conversion_for(
        &self,
        gclid: &str,
        order: &LicenceOrder,
        _customer: &Customer,
    ) -> Conversion {
        Conversion {
            conversion_id: self.conversion_id.clone(),
            label: self.conversion_label.clone(),
            gclid: gclid.to_string(),
            value: order.total_cents as f64 / 100.0,
            currency: order.currency.clone(),
            order_id: order.number.clone(),
            hashed_email: None,
        }
    }

    #[privflow::sink(
        kind = "advertising",
        recipient = "Google Inc.",
        region = "US",
        purpose = "marketing.advertising",
        encrypted = true
    )]
    pub async fn report(&self, conversion: &Conversion) -> Result<(), IntegrationError> {
        self.http
            .post("https://www.googleadservices.com/pagead/conversion/upload")
            .json(conversion)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
