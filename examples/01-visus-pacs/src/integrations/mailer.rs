//! Outgoing e-mail through our SMTP relay (Amazon SES, eu-central-1).

use lettre::message::{header::ContentType, Mailbox, Message};
use lettre::{SmtpTransport, Transport};

use super::IntegrationError;
use crate::models::{ContactInquiry, Customer, LicenceOrder, NewsletterSubscription};

const FROM: &str = "VISUS Health IT <noreply@visus.com>";

/// One newsletter issue, written by marketing.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct NewsletterIssue {
    pub subject: String,
    pub html: String,
}

#[derive(Clone)]
pub struct Mailer {
    transport: SmtpTransport,
    public_url: String,
}

impl Mailer {
    pub fn new(smtp_host: &str, public_url: String) -> Self {
        // The relay is reached through the VPC endpoint of SES (this example builds lettre
        // without a TLS feature, hence the plain builder).
        let transport = SmtpTransport::builder_dangerous(smtp_host).port(25).build();
        Self {
            transport,
            public_url,
        }
    }

    fn message(&self, to: &str, subject: &str, body: String) -> Result<Message, IntegrationError> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| IntegrationError("invalid recipient address".into()))?;
        Message::builder()
            .from(FROM.parse().expect("valid sender"))
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|_| IntegrationError("could not build message".into()))
    }

    /// "Thank you for your message": answers an inquiry's sender.
    pub fn acknowledge_inquiry(&self, inquiry: &ContactInquiry) -> Result<(), IntegrationError> {
        let body = format!(
            "Dear {},\n\nthank you for your message. We will get back to you shortly.\n\n\
             Your VISUS team",
            inquiry.name
        );
        let msg = self.message(&inquiry.email, "Your inquiry to VISUS", body)?;
        self.transport
            .send(&msg)
            .map_err(|_| IntegrationError("smtp".into()))?;
        Ok(())
    }

    /// Order confirmation with the licence summary.
    pub fn confirm_order(
        &self,
        customer: &Customer,
        order: &LicenceOrder,
    ) -> Result<(), IntegrationError> {
        let body = format!(
            "Dear {},\n\nthank you for your order {}: {} x {}.\nThe invoice follows separately.",
            customer.contact_name, order.number, order.seats, order.product
        );
        let msg = self.message(&customer.email, "Your JiveX licence order", body)?;
        self.transport
            .send(&msg)
            .map_err(|_| IntegrationError("smtp".into()))?;
        Ok(())
    }

    /// Double opt-in: the confirmation link of a new newsletter subscription.
    pub fn send_confirmation_link(
        &self,
        sub: &NewsletterSubscription,
    ) -> Result<(), IntegrationError> {
        let body = format!(
            "Please confirm your subscription to the VISUS newsletter:\n{}/newsletter/confirm/{}\n\n\
             If you did not subscribe, ignore this e-mail.",
            self.public_url, sub.confirm_token
        );
        let msg = self.message(&sub.email, "Please confirm your subscription", body)?;
        self.transport
            .send(&msg)
            .map_err(|_| IntegrationError("smtp".into()))?;
        Ok(())
    }

    /// One newsletter issue to one subscriber, with the unsubscribe link.
    #[privflow::sink(kind = "email", purpose = "marketing.communications.email")]
    pub fn send_issue(
        &self,
        sub: &NewsletterSubscription,
        issue: &NewsletterIssue,
    ) -> Result<(), IntegrationError> {
        let body = format!(
            "{}\n\nUnsubscribe: {}/newsletter/unsubscribe/{}",
            issue.html, self.public_url, sub.confirm_token
        );
        let msg = self.message(&sub.email, &issue.subject, body)?;
        self.transport
            .send(&msg)
            .map_err(|_| IntegrationError("smtp".into()))?;
        Ok(())
    }
}
