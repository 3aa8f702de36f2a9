//! An `INSERT .. RETURNING id` fetched with `fetch_one` stores what is bound into it, as
//! `execute` does; so does an UPDATE written with the `query_scalar!` macro.
#[privflow::data]
pub struct Visit {
    pub id: i64,
    #[phi]
    pub diagnosis: String,
}

pub async fn save(pool: &sqlx::PgPool, v: &Visit) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query_scalar("INSERT INTO visits (diagnosis) VALUES ($1) RETURNING id")
        .bind(&v.diagnosis)
        .fetch_one(pool) //~ baseline/phi-unencrypted-at-rest
        .await?;
    Ok(id)
}

pub async fn amend(pool: &sqlx::PgPool, v: &Visit) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar!(
        "UPDATE visits SET diagnosis = $1 WHERE id = $2 RETURNING id",
        v.diagnosis,
        v.id
    )
    .fetch_optional(pool) //~ baseline/phi-unencrypted-at-rest
    .await
}
