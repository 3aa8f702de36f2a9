//! Outbound integrations with other organisations and services.

#[cfg(not(feature = "compliant"))]
pub mod ads;
pub mod analytics;
#[cfg(not(feature = "compliant"))]
pub mod mixpanel;
#[cfg(not(feature = "compliant"))]
pub mod partner_feed;
pub mod payments;
pub mod pharmacy;
pub mod social;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;
