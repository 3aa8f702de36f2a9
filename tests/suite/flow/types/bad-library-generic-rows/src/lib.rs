//! privflow-suite: todo -- element type of rows needs sqlx's signatures: query_as::<_, Patient>(..).fetch_all(..) returns Vec<Patient>
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
        println!("{}", p.diagnosis); //~ baseline/phi-to-log
    }
    Ok(())
}
