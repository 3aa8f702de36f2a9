#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn announce(client: &async_nats::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client.publish("visits.created", serde_json::to_vec(p)?.into()).await?; //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
    Ok(())
}
