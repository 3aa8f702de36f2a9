//! E-mail from La-Well's own servers. The SMTP relay runs on the same host (it does the
//! STARTTLS towards the recipients' mail servers), hence the plain local connection.

use lettre::message::{header::ContentType, Mailbox};
use lettre::{Message, SmtpTransport, Transport};

use crate::error::{AppError, AppResult};

#[derive(Clone)]
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
}

fn mail_error(e: impl std::fmt::Display) -> AppError {
    AppError::Mail(e.to_string())
}

impl Mailer {
    pub fn new(relay_host: &str, from: &str) -> AppResult<Self> {
        Ok(Mailer {
            transport: SmtpTransport::builder_dangerous(relay_host)
                .port(25)
                .build(),
            from: from.parse().map_err(mail_error)?,
        })
    }

    fn build(&self, to: &str, subject: &str, body: String) -> AppResult<Message> {
        Message::builder()
            .from(self.from.clone())
            .to(to.parse().map_err(mail_error)?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(mail_error)
    }

    /// Sends a patient/guest the access code of a consultation (section 3.6). The address is
    /// used for this mail only and is not stored.
    pub fn send_access_code(
        &self,
        to: &str,
        practice: &str,
        code: &str,
        link: &str,
    ) -> AppResult<()> {
        let body = format!(
            "Guten Tag,\n\n{practice} lädt Sie zu einer Videosprechstunde ein.\n\
             Ihr Zugangscode: {code}\nZur Sprechstunde: {link}\n"
        );
        let message = self.build(to, "Ihr Zugangscode zur Videosprechstunde", body)?;
        self.transport.send(&message).map_err(mail_error)?;
        Ok(())
    }

    /// Product newsletters and surveys (section 3.1: only with the customer's consent).
    #[privflow::sink(kind = "email", purpose = "marketing.communications.email")]
    pub fn send_marketing_mail(&self, to: &str, subject: &str, body: &str) -> AppResult<()> {
        let message = self.build(to, subject, body.to_string())?;
        self.transport.send(&message).map_err(mail_error)?;
        Ok(())
    }
}
