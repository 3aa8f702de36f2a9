#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn push(api_key: &str, token: &str, p: &Patient) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let client = fcm::Client::new();
    let mut notification_builder = fcm::NotificationBuilder::new();
    notification_builder.title("Your result");
    notification_builder.body(&p.diagnosis);
    let notification = notification_builder.finalize();
    let mut message_builder = fcm::MessageBuilder::new(api_key, token);
    message_builder.notification(notification);
    client.send(message_builder.finalize()).await?; //~ cloudvisit/phi-not-on-device
    Ok(())
}
