#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(client: &tokio_postgres::Client, p: &Patient) -> Result<(), tokio_postgres::Error> {
    client
        .execute("INSERT INTO visits (id, diagnosis) VALUES ($1, $2)", &[&p.id, &p.diagnosis]) //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await?;
    // A read filtered by the value stores nothing.
    client
        .query_opt("SELECT id FROM visits WHERE diagnosis = $1", &[&p.diagnosis])
        .await?;
    client
        .query_one("INSERT INTO visits (diagnosis) VALUES ($1) RETURNING id", &[&p.diagnosis]) //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await?;
    Ok(())
}
