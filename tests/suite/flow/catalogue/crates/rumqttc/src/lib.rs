#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn announce(client: &rumqttc::AsyncClient, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client
        .publish("clinic/visits", rumqttc::QoS::AtLeastOnce, false, serde_json::to_vec(p)?) //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
