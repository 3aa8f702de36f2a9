#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(client: &clickhouse::Client, p: &Patient) -> clickhouse::error::Result<()> {
    let mut insert = client.insert("visits")?;
    insert.write(p).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    insert.end().await
}
