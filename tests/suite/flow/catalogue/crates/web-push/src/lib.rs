#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use web_push::{ContentEncoding, IsahcWebPushClient, SubscriptionInfo, WebPushClient, WebPushMessageBuilder};

pub async fn push(client: &IsahcWebPushClient, subscription: &SubscriptionInfo, p: &Patient) -> Result<(), web_push::WebPushError> {
    let mut builder = WebPushMessageBuilder::new(subscription);
    builder.set_payload(ContentEncoding::Aes128Gcm, p.diagnosis.as_bytes());
    client.send(builder.build()?).await?; //~ cloudvisit/phi-not-on-device
    Ok(())
}
