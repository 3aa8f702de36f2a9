#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use a2::{DefaultNotificationBuilder, NotificationBuilder, NotificationOptions};

pub async fn push(client: &a2::Client, device_token: &str, p: &Patient) -> Result<(), a2::Error> {
    let payload = DefaultNotificationBuilder::new()
        .set_title("Your result")
        .set_body(&p.diagnosis)
        .build(device_token, NotificationOptions::default());
    client.send(payload).await?; //~ cloudvisit/phi-not-on-device
    Ok(())
}
