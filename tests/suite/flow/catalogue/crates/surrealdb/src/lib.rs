#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(db: &surrealdb::Surreal<surrealdb::engine::any::Any>, p: &Patient) -> surrealdb::Result<()> {
    let _: Option<Patient> = db.create(("visit", p.id.as_str())).content(p.clone()).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
