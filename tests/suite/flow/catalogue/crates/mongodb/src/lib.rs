#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(db: &mongodb::Database, p: &Patient) -> mongodb::error::Result<()> {
    let visits = db.collection::<Patient>("visits");
    visits.insert_one(p).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
