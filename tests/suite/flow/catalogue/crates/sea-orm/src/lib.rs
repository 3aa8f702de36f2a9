#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(db: &sea_orm::DatabaseConnection, p: &Patient) -> Result<(), sea_orm::DbErr> {
    let visit = visit::ActiveModel {
        diagnosis: sea_orm::ActiveValue::Set(p.diagnosis.clone()),
        ..Default::default()
    };
    sea_orm::Insert::one(visit).exec(db).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
