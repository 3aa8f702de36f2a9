//! Consent checks. Each function answers one question for one purpose; privflow treats code that
//! runs only after it returned `true` as consented for that purpose.
//!
//! Website visitors decide in the cookie banner (stored in the `visus_consent` cookie); newsletter
//! subscribers by clicking the double opt-in link; buyers and inquirers with unticked checkboxes
//! on the checkout and contact forms.

use axum::http::{header::COOKIE, HeaderMap};

use crate::models::{ContactInquiry, Customer, NewsletterSubscription};

/// The cookie-banner choices of one visitor.
#[derive(Debug, Clone, Copy, Default)]
pub struct CookieChoices {
    pub statistics: bool,
    pub advertising: bool,
}

impl CookieChoices {
    /// Reads `visus_consent=statistics,advertising` from the request's cookies. No cookie: nothing
    /// was accepted.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let mut choices = CookieChoices::default();
        for value in headers.get_all(COOKIE) {
            let Ok(value) = value.to_str() else { continue };
            for cookie in value.split(';') {
                if let Some(list) = cookie.trim().strip_prefix("visus_consent=") {
                    for choice in list.split(',') {
                        match choice {
                            "statistics" => choices.statistics = true,
                            "advertising" => choices.advertising = true,
                            _ => {}
                        }
                    }
                }
            }
        }
        choices
    }
}

/// Did the visitor accept statistics cookies (Google Analytics)?
#[privflow::consent(purpose = "analytics")]
pub fn statistics_allowed(choices: &CookieChoices) -> bool {
    choices.statistics
}

/// Did the visitor accept advertising cookies (AdWords conversion tracking)?
#[privflow::consent(purpose = "marketing.advertising")]
pub fn conversion_tracking_allowed(choices: &CookieChoices) -> bool {
    choices.advertising
}

/// Has the subscriber confirmed the double opt-in link and not unsubscribed since?
#[privflow::consent(purpose = "marketing.communications.email")]
pub fn newsletter_confirmed(sub: &NewsletterSubscription) -> bool {
    sub.confirmed_at.is_some() && sub.unsubscribed_at.is_none()
}

/// Did the buyer ask to be invited to the satisfaction survey?
#[cfg_attr(not(feature = "compliant"), allow(dead_code))]
#[privflow::consent(purpose = "analytics.reporting")]
pub fn survey_invitation_allowed(customer: &Customer) -> bool {
    customer.survey_opt_in
}

/// Did the sender allow us to use the message to improve our products?
#[cfg_attr(not(feature = "compliant"), allow(dead_code))]
#[privflow::consent(purpose = "functional.service.improve")]
pub fn product_feedback_allowed(inquiry: &ContactInquiry) -> bool {
    inquiry.product_feedback_opt_in
}
