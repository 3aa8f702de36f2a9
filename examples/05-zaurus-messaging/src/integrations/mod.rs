//! Outbound integrations. Every connection that carries personal data uses TLS ("using secure
//! connections (TLS) that protects all information between you and our websites and apps").

pub mod google_analytics;
#[cfg(not(feature = "compliant"))]
pub mod linkedin;
pub mod mailer;
pub mod push;
pub mod risk;
pub mod sentry;
pub mod usage;
