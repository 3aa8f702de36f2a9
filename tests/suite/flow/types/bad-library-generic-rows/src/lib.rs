//! The row type a sqlx query is told (query_as::<_, Patient>, query_as!(Patient, ..)) is what fetch_all/fetch_one/fetch_optional give back.
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

pub async fn one(pool: &sqlx::PgPool, id: i64) -> Result<(), sqlx::Error> {
    let p = sqlx::query_as!(Patient, "SELECT id, diagnosis FROM patients WHERE id = $1", id)
        .fetch_one(pool)
        .await?;
    println!("{}", p.diagnosis); //~ baseline/phi-to-log
    if let Some(q) = sqlx::query_as::<_, Patient>("SELECT id, diagnosis FROM patients LIMIT 1")
        .fetch_optional(pool)
        .await?
    {
        println!("{}", q.diagnosis); //~ baseline/phi-to-log
    }
    Ok(())
}
