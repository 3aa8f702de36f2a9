#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use aws_sdk_ses::types::{Body, Content, Destination, Message};

pub async fn notify(client: &aws_sdk_ses::Client, to: &str, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let message = Message::builder()
        .subject(Content::builder().data("Your result").build()?)
        .body(Body::builder().text(Content::builder().data(p.diagnosis.clone()).build()?).build())
        .build();
    client
        .send_email()
        .source("noreply@clinic.example")
        .destination(Destination::builder().to_addresses(to).build())
        .message(message)
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
