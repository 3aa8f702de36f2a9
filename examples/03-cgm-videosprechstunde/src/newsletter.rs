//! Product newsletter and satisfaction surveys to customers (section 3.1: "Nur bei vorliegender
//! Einwilligung können diese Daten auch für produktbezogene Umfragen und Marketingzwecke
//! genutzt.").

use serde::Deserialize;

use crate::error::AppResult;
use crate::models::Customer;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
pub struct NewsletterIssue {
    pub subject: String,
    pub body: String,
}

const SURVEY_SUBJECT: &str = "Wie zufrieden sind Sie mit der CGM Videosprechstunde?";

fn survey_body(c: &Customer) -> String {
    format!(
        "Guten Tag {} {},\n\nSie haben soeben eine Videosprechstunde beendet. Wir würden uns \
         über zwei Minuten Ihrer Zeit freuen: https://umfrage.la-well.de/vs\n",
        c.first_name, c.last_name
    )
}

/// Sends an issue of the newsletter to every customer who opted in; returns how many got it.
pub async fn send_newsletter(state: &AppState, issue: &NewsletterIssue) -> AppResult<usize> {
    let mut sent = 0;
    for customer in state.store.all_customers().await? {
        if state.consents.allows_marketing(&customer).await {
            state
                .mailer
                .send_marketing_mail(&customer.email, &issue.subject, &issue.body)?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// Asks the customer for feedback after a consultation, if they agreed to product surveys.
#[cfg(feature = "compliant")]
pub async fn send_satisfaction_survey(state: &AppState, customer_id: i64) -> AppResult<()> {
    let customer = state.store.load_customer(customer_id).await?;
    if !state.consents.allows_marketing(&customer).await {
        return Ok(());
    }
    state
        .mailer
        .send_marketing_mail(&customer.email, SURVEY_SUBJECT, &survey_body(&customer))?;
    Ok(())
}

/// Asks the customer for feedback after a consultation.
#[cfg(not(feature = "compliant"))]
pub async fn send_satisfaction_survey(state: &AppState, customer_id: i64) -> AppResult<()> {
    let customer = state.store.load_customer(customer_id).await?;
    state
        .mailer
        .send_marketing_mail(&customer.email, SURVEY_SUBJECT, &survey_body(&customer))?; //~ cgm-videosprechstunde/marketing-requires-consent baseline/marketing-without-consent
    Ok(())
}
