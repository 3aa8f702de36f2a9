//! Consent checks (section 4: "Buiten het hierboven beschreven gebruik van uw gegevens, vragen we u
//! altijd uitdrukkelijk om toestemming om uw gegevens voor een bepaald doel te gebruiken.").
//!
//! privflow treats code that runs only after one of these returned `true` as consented for the
//! purpose named in its attribute.

use crate::models::{Customer, NewsletterSubscriber};

/// Has the subscriber clicked the confirmation link of the double opt-in?
#[cfg_attr(not(feature = "compliant"), allow(dead_code))]
#[privflow::consent(purpose = "marketing.communications.email")]
pub fn newsletter_confirmed(subscriber: &NewsletterSubscriber) -> bool {
    subscriber.confirmed_at.is_some()
}

/// Did the customer tick "keep me informed about new products" (order form or portal settings)?
#[cfg_attr(not(feature = "compliant"), allow(dead_code))]
#[privflow::consent(purpose = "marketing.communications")]
pub fn product_news_wanted(customer: &Customer) -> bool {
    customer.product_news_opt_in
}
