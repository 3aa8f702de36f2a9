#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use lettre::{Message, SmtpTransport, Transport};

pub fn send_ready(mailer: &SmtpTransport, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let _ = p.diagnosis.len();
    let email = Message::builder().from("lab@example-clinic.com".parse()?).to("ward7@example-clinic.com".parse()?).subject("Results").body(String::from("New lab results are ready."))?;
    mailer.send(&email)?;
    Ok(())
}
