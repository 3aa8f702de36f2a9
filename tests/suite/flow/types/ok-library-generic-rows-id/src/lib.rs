//! Rows of a query told its row type are patients, but only their untagged id is logged.
#[privflow::data]
#[derive(sqlx::FromRow)]
pub struct Patient {
    pub id: i64,
    #[phi]
    pub diagnosis: String,
}

pub async fn nightly(pool: &sqlx::PgPool) -> Result<(), sqlx::Error> {
    let rows = sqlx::query_as::<_, Patient>("SELECT id, diagnosis FROM patients").fetch_all(pool).await?;
    for p in rows {
        println!("{}", p.id);
    }
    Ok(())
}
