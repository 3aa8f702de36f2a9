#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub async fn save_visit(pool: &sqlx::PgPool, p: &Patient) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO visits (patient_id, diagnosis) VALUES ($1, $2)").bind(p.id as i64).bind(&p.diagnosis).execute(pool).await?; //~ baseline/phi-unencrypted-at-rest
    Ok(())
}
