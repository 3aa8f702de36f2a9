#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub async fn close_visit(pool: &sqlx::PgPool, p: &Patient) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE visits SET closed = true WHERE patient_id = $1").bind(p.id as i64).execute(pool).await?;
    Ok(())
}
