//! E-mail. The portal hands messages to the Postfix relay on the same host (port 25 on the
//! loopback interface, so lettre's plain `builder_dangerous`); the relay delivers only over
//! TLS (`smtp_tls_security_level = encrypt`), hence `encrypted = true` on the sinks below.

use lettre::message::{header::ContentType, Mailbox};
use lettre::{Message, SmtpTransport, Transport};

use crate::models::Patient;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Sends mail as `CloudVisit <noreply@cloudvisittm.com>`.
#[derive(Clone)]
pub struct Mailer {
    transport: SmtpTransport,
    from: Mailbox,
}

impl Mailer {
    pub fn new(relay_host: &str) -> Self {
        Mailer {
            transport: SmtpTransport::builder_dangerous(relay_host)
                .port(25)
                .build(),
            from: "CloudVisit <noreply@cloudvisittm.com>"
                .parse()
                .expect("static sender address"),
        }
    }

    fn deliver(&self, to: &str, subject: &str, body: String) -> Result<(), BoxError> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(to.parse()?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)?;
        self.transport.send(&message)?;
        Ok(())
    }

    /// Transactional mail about the patient's own account and visits.
    #[privflow::sink(
        kind = "email",
        encrypted = true,
        purpose = "essential.service.notifications.email"
    )]
    pub fn send_notification(&self, to: &str, subject: &str, body: String) -> Result<(), BoxError> {
        self.deliver(to, subject, body)
    }

    /// CloudVisit's own newsletter, sent from our systems to patients who opted in.
    #[privflow::sink(
        kind = "email",
        encrypted = true,
        purpose = "marketing.communications.email"
    )]
    pub fn send_newsletter(&self, to: &str, subject: &str, body: String) -> Result<(), BoxError> {
        self.deliver(to, subject, body)
    }
}

/// "Welcome to CloudVisit" after registration.
pub fn welcome(mailer: &Mailer, patient: &Patient) -> Result<(), BoxError> {
    let body = format!(
        "Hi {},\n\nyour CloudVisit account is ready. Your practice will send you a link for \
         your first video visit.\n\nThe CloudVisit team",
        patient.first_name()
    );
    mailer.send_notification(&patient.email, "Welcome to CloudVisit", body)
}

/// Tells the patient that the visit summary can be read in the portal (never the summary
/// itself).
pub fn summary_ready(mailer: &Mailer, patient: &Patient, visit_id: i64) -> Result<(), BoxError> {
    let body = format!(
        "Hi {},\n\nthe summary of your visit is ready. Log in to read it:\n\
         https://app.cloudvisittm.com/visits/{visit_id}\n\nThe CloudVisit team",
        patient.first_name()
    );
    mailer.send_notification(&patient.email, "Your visit summary is ready", body)
}

/// CloudVisit's monthly newsletter (product news, new practices near the patient). Sent only
/// by the marketing jobs, after the consent check of the patient it goes to.
pub fn monthly_newsletter(mailer: &Mailer, patient: &Patient) -> Result<(), BoxError> {
    let body = format!(
        "Hi {},\n\nhere is what is new at CloudVisit this month: ...\n\n\
         You receive this because you subscribed in the app's settings. Unsubscribe: \
         https://app.cloudvisittm.com/settings/newsletter\n\nThe CloudVisit team",
        patient.first_name()
    );
    mailer.send_newsletter(&patient.email, "CloudVisit news", body) //~ baseline/marketing-without-consent privflow/check-on-other-value
}
