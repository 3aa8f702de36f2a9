#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use google_cloud_googleapis::pubsub::v1::PubsubMessage;

pub async fn announce(publisher: &google_cloud_pubsub::publisher::Publisher, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let message = PubsubMessage { data: serde_json::to_vec(p)?, ..Default::default() };
    let awaiter = publisher.publish(message).await; //~ cloudvisit/phi-stays-in-us
    awaiter.get().await?;
    Ok(())
}
