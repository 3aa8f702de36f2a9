#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(pool: &deadpool_postgres::Pool, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let client = pool.get().await?;
    client.execute("INSERT INTO visits (diagnosis) VALUES ($1)", &[&p.diagnosis]).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
