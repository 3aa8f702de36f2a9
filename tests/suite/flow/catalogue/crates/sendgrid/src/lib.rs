#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use sendgrid::v3::{Content, Email, Message, Personalization, Sender};

pub async fn notify(sender: &Sender, to: &str, p: &Patient) -> Result<(), sendgrid::SendgridError> {
    let message = Message::new(Email::new("noreply@clinic.example"))
        .set_subject("Your result")
        .add_content(Content::new().set_content_type("text/plain").set_value(p.diagnosis.clone()))
        .add_personalization(Personalization::new(Email::new(to)));
    sender.send(&message).await?; //~ cloudvisit/phi-stays-in-us
    Ok(())
}
