#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use lettre::{Message, SmtpTransport, Transport};

pub fn send_results(mailer: &SmtpTransport, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let email = Message::builder().from("lab@example-clinic.com".parse()?).to("ward7@example-clinic.com".parse()?).subject("Results").body(p.diagnosis.clone())?;
    mailer.send(&email)?; //~ visus/no-non-eu-transfer
    Ok(())
}
