#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use aws_sdk_sesv2::types::{Body, Content, Destination, EmailContent, Message};

pub async fn notify(client: &aws_sdk_sesv2::Client, to: &str, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let text = Content::builder().data(format!("Your result: {}", p.diagnosis)).build()?;
    let subject = Content::builder().data("Your result").build()?;
    let message = Message::builder()
        .subject(subject)
        .body(Body::builder().text(text).build())
        .build();
    client
        .send_email()
        .from_email_address("noreply@clinic.example")
        .destination(Destination::builder().to_addresses(to).build())
        .content(EmailContent::builder().simple(message).build())
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
