#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use mailgun_rs::{EmailAddress, Mailgun, MailgunRegion, Message};

pub async fn notify(mailgun: &Mailgun, to: &str, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let message = Message {
        to: vec![EmailAddress::address(to)],
        subject: "Your result".to_string(),
        text: p.diagnosis.clone(),
        ..Default::default()
    };
    let sender = EmailAddress::address("noreply@clinic.example");
    mailgun.async_send(MailgunRegion::EU, &sender, message, None).await?; //~ cloudvisit/phi-stays-in-us
    Ok(())
}
