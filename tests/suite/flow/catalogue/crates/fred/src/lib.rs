#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn cache(client: &fred::clients::RedisClient, p: &Patient) -> Result<(), fred::error::RedisError> {
    use fred::interfaces::KeysInterface;
    client.set::<(), _, _>(format!("visit:{}", p.id), p.diagnosis.clone(), None, None, false).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
