//! Batch work: invoicing, newsletter and product announcements, retention, the training set of
//! the helpdesk assistant.

use serde::{Deserialize, Serialize};

#[cfg(feature = "compliant")]
use crate::consent;
use crate::db::{self, DbResult};
use crate::integrations::assistant_dataset::TrainingExample;
use crate::models::{
    Customer, Invoice, NewsletterSubscriber, Subscription, SupportTicket, TicketMessage,
};
use crate::AppState;

/// Invoices every active subscription for the current month and collects it by direct debit.
pub async fn monthly_invoicing(app: &AppState) -> DbResult<usize> {
    let period = current_period();
    let mut invoiced = 0;
    let due: Vec<(Subscription, Customer)> = db::active_subscriptions(&app.db)?;
    for (subscription, customer) in due {
        let invoice = Invoice {
            number: format!("VS-{}-{}", period, &crate::crypto::random_token()[..6]).to_uppercase(),
            customer_id: customer.id,
            subscription_id: subscription.id,
            period: period.clone(),
            amount_cents: subscription.monthly_cents,
        };
        db::insert_invoice(&app.db, &invoice)?;
        if app
            .mollie
            .collect(&customer, &subscription, &invoice)
            .await
            .is_err()
        {
            tracing::warn!(invoice = %invoice.number, "direct debit failed, dunning will retry");
        }
        if app.mailer.send_invoice(&customer, &invoice).is_err() {
            tracing::warn!(invoice = %invoice.number, "invoice e-mail failed");
        }
        invoiced += 1;
    }
    Ok(invoiced)
}

fn current_period() -> String {
    let days = db::now() / 86_400;
    // Civil-from-days (H. Hinnant), enough for a "YYYY-MM" period label.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year}-{month:02}")
}

/// Sends a newsletter issue to the subscribers.
pub fn send_newsletter(app: &AppState, subject: &str, body: &str) -> DbResult<usize> {
    let mut sent = 0;
    let subscribers: Vec<NewsletterSubscriber> = db::newsletter_subscribers(&app.db)?;
    for subscriber in &subscribers {
        // Careless version: the "confirmed" filter got lost when the list moved to the new
        // table, so addresses that never clicked the opt-in link get the newsletter too.
        #[cfg(feature = "compliant")]
        {
            // (A block: privflow does not yet evaluate `#[cfg]` written on an `if` statement.)
            if !consent::newsletter_confirmed(subscriber) {
                continue;
            }
        }
        let delivered = app.mailer.send_marketing(&subscriber.email, subject, body); //~ baseline/marketing-without-consent
        match delivered {
            Ok(()) => sent += 1,
            Err(_) => tracing::warn!(subscriber = subscriber.id, "newsletter delivery failed"),
        }
    }
    Ok(sent)
}

/// A product announcement written by marketing.
#[derive(Debug, Deserialize)]
pub struct Announcement {
    pub subject: String,
    pub body: String,
}

/// Announces a new product to the customers.
pub fn announce_product(app: &AppState, announcement: &Announcement) -> DbResult<usize> {
    let mut sent = 0;
    let customers: Vec<Customer> = db::all_customers(&app.db)?;
    for customer in &customers {
        if announce_to(app, customer, announcement) {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Careless version: "every customer will want to hear about Planning 2.0", so the announcement
/// goes to each customer's invoice and helpdesk address, collected for neither.
#[cfg(not(feature = "compliant"))]
fn announce_to(app: &AppState, customer: &Customer, announcement: &Announcement) -> bool {
    let body = format!("Beste {},\n\n{}", customer.contact_name, announcement.body);
    let subject = &announcement.subject;
    let delivered = app.mailer.send_marketing(&customer.email, subject, &body); //~ visual-systems/purpose-limitation baseline/marketing-without-consent
    delivered.is_ok()
}

/// Only customers who asked for product news get the announcement.
#[cfg(feature = "compliant")]
fn announce_to(app: &AppState, customer: &Customer, announcement: &Announcement) -> bool {
    if !consent::product_news_wanted(customer) {
        return false;
    }
    let body = format!("Beste {},\n\n{}", customer.contact_name, announcement.body);
    let subject = &announcement.subject;
    let delivered = app.mailer.send_marketing(&customer.email, subject, &body);
    delivered.is_ok()
}

/// Careless version: the solved ticket goes into the training set as the customer wrote it,
/// with names, e-mail addresses and phone numbers.
#[cfg(not(feature = "compliant"))]
fn training_example(ticket: &SupportTicket, conversation: &[TicketMessage]) -> TrainingExample {
    TrainingExample {
        ticket: ticket.id,
        product_version: ticket.app_version.clone(),
        question: ticket.description.clone(),
        answer: conversation
            .iter()
            .filter(|m| m.from_agent)
            .map(|m| m.body.clone())
            .collect::<Vec<_>>()
            .join("\n\n"),
    }
}

/// Question and answers are redacted before they enter the training set.
#[cfg(feature = "compliant")]
fn training_example(ticket: &SupportTicket, conversation: &[TicketMessage]) -> TrainingExample {
    TrainingExample {
        ticket: ticket.id,
        product_version: ticket.app_version.clone(),
        question: crate::crypto::redact_support_text(&ticket.description),
        answer: conversation
            .iter()
            .filter(|m| m.from_agent)
            .map(|m| crate::crypto::redact_support_text(&m.body))
            .collect::<Vec<_>>()
            .join("\n\n"),
    }
}

#[derive(Debug, Default, Serialize)]
pub struct MaintenanceReport {
    pub tickets_deleted: usize,
    pub registrations_deleted: usize,
    pub training_examples: usize,
}

/// Nightly maintenance: retention and yesterday's solved tickets into the training set.
pub async fn nightly(app: &AppState) -> DbResult<MaintenanceReport> {
    let tickets_deleted = db::purge_old_tickets(&app.db)?;
    #[cfg(feature = "compliant")]
    let registrations_deleted = db::purge_past_registrations(&app.db)?;
    #[cfg(not(feature = "compliant"))]
    let registrations_deleted = 0;

    let mut training_examples = 0;
    let solved: Vec<(SupportTicket, Vec<TicketMessage>)> =
        db::closed_tickets_since(&app.db, db::now() - 86_400)?;
    for (ticket, conversation) in &solved {
        let example = training_example(ticket, conversation);
        let uploaded = app.dataset.upload(&example).await; //~ visual-systems/purpose-limitation
        if uploaded.is_ok() {
            training_examples += 1;
        }
    }
    let report = MaintenanceReport {
        tickets_deleted,
        registrations_deleted,
        training_examples,
    };
    tracing::info!(?report, "maintenance finished");
    Ok(report)
}
