#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(
    pool: &bb8::Pool<bb8_postgres::PostgresConnectionManager<tokio_postgres::NoTls>>,
    p: &Patient,
) -> Result<(), Box<dyn std::error::Error>> {
    let conn = pool.get().await?;
    conn.execute("INSERT INTO visits (diagnosis) VALUES ($1)", &[&p.diagnosis]).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
