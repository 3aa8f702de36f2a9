#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use fcm::message::{Message, Notification, Target};

pub async fn push(client: &fcm::FcmClient, token: &str, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let message = Message {
        data: None,
        notification: Some(Notification {
            title: Some("Your result".to_string()),
            body: Some(p.diagnosis.clone()),
            image: None,
        }),
        target: Target::Token(token.to_string()),
        android: None,
        webpush: None,
        apns: None,
        fcm_options: None,
    };
    client.send(message).await?; //~ cloudvisit/phi-not-on-device
    Ok(())
}
