//! Outgoing e-mail (lettre, SMTP relay of our mail provider in the Netherlands).
//!
//! Each kind of mail is its own sink with the purpose it serves, so privflow can check that the
//! address was collected for that purpose (section 2, principle 3).

use lettre::message::{header::ContentType, Mailbox, Message};
use lettre::{SmtpTransport, Transport};

use super::IntegrationError;
use crate::models::{Customer, EventRegistration, Invoice, NewsletterSubscriber, SupportTicket};

const FROM: &str = "Visual Systems <noreply@visualsystems.nl>";
const HELPDESK: &str = "Visual Systems Helpdesk <helpdesk@visualsystems.nl>";

#[derive(Clone)]
pub struct Mailer {
    transport: SmtpTransport,
    portal_url: String,
}

impl Mailer {
    pub fn new(smtp_host: &str, portal_url: String) -> Self {
        // Submission to the relay inside our private network (this example builds lettre without
        // a TLS feature).
        let transport = SmtpTransport::builder_dangerous(smtp_host).port(25).build();
        Self {
            transport,
            portal_url,
        }
    }

    fn deliver(
        &self,
        from: &str,
        to: &str,
        subject: &str,
        body: String,
    ) -> Result<(), IntegrationError> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| IntegrationError("invalid address"))?;
        let message = Message::builder()
            .from(from.parse().expect("valid sender"))
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|_| IntegrationError("could not build message"))?;
        self.transport
            .send(&message)
            .map_err(|_| IntegrationError("smtp delivery failed"))?;
        Ok(())
    }

    /// The monthly invoice (section 3.2: "voor onze facturatie").
    #[privflow::sink(kind = "email", purpose = "essential.service.payment_processing")]
    pub fn send_invoice(
        &self,
        customer: &Customer,
        invoice: &Invoice,
    ) -> Result<(), IntegrationError> {
        let body = format!(
            "Beste {},\n\nbijgaand factuur {} voor {}: EUR {:.2}. Het bedrag wordt via \
             automatische incasso afgeschreven.\n\nMet vriendelijke groet,\nVisual Systems",
            customer.contact_name,
            invoice.number,
            invoice.period,
            invoice.amount_cents as f64 / 100.0
        );
        self.deliver(
            FROM,
            &customer.email,
            &format!("Factuur {}", invoice.number),
            body,
        )
    }

    /// A helpdesk answer or status change to the ticket's reporter (section 3.4).
    #[privflow::sink(kind = "email", purpose = "essential.service.operations.support")]
    pub fn send_ticket_update(
        &self,
        ticket: &SupportTicket,
        text: &str,
    ) -> Result<(), IntegrationError> {
        let body = format!(
            "Beste {},\n\n{}\n\nU kunt reageren in het klantportaal: {}/tickets/{}\n\n\
             Visual Systems Helpdesk",
            ticket.reporter_name, text, self.portal_url, ticket.id
        );
        self.deliver(
            HELPDESK,
            &ticket.reporter_email,
            &format!("[VS-{}] {}", ticket.id, ticket.subject),
            body,
        )
    }

    /// Confirmation and status of a training or event registration (section 3.6).
    #[privflow::sink(kind = "email", purpose = "essential.service.notifications")]
    pub fn send_registration_status(
        &self,
        registration: &EventRegistration,
        status: &str,
    ) -> Result<(), IntegrationError> {
        let body = format!(
            "Beste {},\n\n{}\n\nMet vriendelijke groet,\nVisual Systems",
            registration.name, status
        );
        self.deliver(FROM, &registration.email, "Uw inschrijving", body)
    }

    /// The double opt-in link: part of asking for consent, not yet marketing.
    pub fn send_newsletter_confirmation(
        &self,
        subscriber: &NewsletterSubscriber,
    ) -> Result<(), IntegrationError> {
        let body = format!(
            "Bevestig uw inschrijving voor de nieuwsbrief van Visual Systems:\n\
             {}/nieuwsbrief/bevestigen/{}\n\nHeeft u zich niet ingeschreven? Dan kunt u deze \
             e-mail negeren.",
            self.portal_url, subscriber.token
        );
        self.deliver(FROM, &subscriber.email, "Bevestig uw inschrijving", body)
    }

    /// Newsletters and product announcements.
    #[privflow::sink(kind = "email", purpose = "marketing.communications.email")]
    pub fn send_marketing(
        &self,
        to: &str,
        subject: &str,
        body: &str,
    ) -> Result<(), IntegrationError> {
        self.deliver(FROM, to, subject, body.to_string())
    }
}
