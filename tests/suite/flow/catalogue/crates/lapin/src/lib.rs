#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use lapin::options::BasicPublishOptions;
use lapin::BasicProperties;

pub async fn announce(channel: &lapin::Channel, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let payload = serde_json::to_vec(p)?;
    channel
        .basic_publish("", "visits", BasicPublishOptions::default(), &payload, BasicProperties::default()) //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
