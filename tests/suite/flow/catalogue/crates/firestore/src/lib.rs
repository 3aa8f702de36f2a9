#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(db: &firestore::FirestoreDb, p: &Patient) -> firestore::errors::FirestoreResult<()> {
    let _: Patient = db.create_obj("visits", Some(&p.id), p, None).await?; //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
