#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(session: &scylla::Session, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    session
        .query_unpaged("INSERT INTO clinic.visits (id, diagnosis) VALUES (?, ?)", (&p.id, &p.diagnosis)) //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await?;
    Ok(())
}
