//! A SELECT that looks a visit up by its diagnosis stores nothing: binding PHI into a lookup is
//! not storage, however the rows are fetched.
#[privflow::data]
pub struct Visit {
    pub id: i64,
    #[phi]
    pub diagnosis: String,
}

pub async fn find(pool: &sqlx::PgPool, v: &Visit) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM visits WHERE diagnosis = $1")
        .bind(&v.diagnosis)
        .fetch_optional(pool)
        .await
}

pub async fn similar(pool: &sqlx::PgPool, v: &Visit) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar!("WITH d AS (SELECT $1::text AS t) SELECT id FROM visits, d WHERE diagnosis = d.t", v.diagnosis)
        .fetch_all(pool)
        .await
}
