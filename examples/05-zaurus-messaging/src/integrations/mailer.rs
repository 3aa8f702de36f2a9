//! E-mail: invitations, notifications and the newsletter confirmation.
//!
//! Mail goes to the Postfix relay that runs next to the API in the same pod (`localhost:25`); the
//! relay delivers only over TLS (`smtp_tls_security_level = encrypt`), so the senders below are
//! marked `encrypted = true`.

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{Message as Email, SmtpTransport, Transport};

#[derive(Debug)]
pub enum MailError {
    Address(lettre::address::AddressError),
    Build(lettre::error::Error),
    Relay(lettre::transport::smtp::Error),
}

impl std::fmt::Display for MailError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MailError::Address(e) => write!(f, "invalid address: {e}"),
            MailError::Build(e) => write!(f, "could not build the message: {e}"),
            MailError::Relay(e) => write!(f, "relay refused the message: {e}"),
        }
    }
}

impl std::error::Error for MailError {}

pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
}

impl Mailer {
    pub fn new(relay_host: &str) -> Result<Self, MailError> {
        Ok(Mailer {
            transport: SmtpTransport::builder_dangerous(relay_host)
                .port(25)
                .build(),
            from: "Zaurus <noreply@zaurus.nl>"
                .parse()
                .map_err(MailError::Address)?,
        })
    }

    fn send(&self, to: &str, subject: &str, text: String) -> Result<(), MailError> {
        let email = Email::builder()
            .from(self.from.clone())
            .to(to.parse().map_err(MailError::Address)?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(text)
            .map_err(MailError::Build)?;
        self.transport.send(&email).map_err(MailError::Relay)?;
        Ok(())
    }

    /// Mail that is part of the service: invitations, "you have a new message", security notices.
    #[privflow::sink(
        kind = "email",
        encrypted = true,
        purpose = "essential.service.notifications"
    )]
    pub fn send_service_mail(
        &self,
        to: &str,
        subject: &str,
        text: String,
    ) -> Result<(), MailError> {
        self.send(to, subject, text)
    }

    /// The "please confirm your subscription" mail of the newsletter (double opt-in).
    #[privflow::sink(
        kind = "email",
        encrypted = true,
        purpose = "marketing.communications.email"
    )]
    pub fn send_newsletter_confirmation(
        &self,
        to: &str,
        confirm_url: &str,
    ) -> Result<(), MailError> {
        self.send(
            to,
            "Confirm your subscription to the Zaurus newsletter",
            format!(
                "Please confirm that you want to receive the Zaurus newsletter:\n\n\
                 {confirm_url}\n\n\
                 You can unsubscribe at any time with the link at the bottom of every newsletter."
            ),
        )
    }
}
