//! The id an `INSERT .. RETURNING id` gives back is the database's, not the bound e-mail: logging
//! it is fine. The bound e-mail reaches the storage sink (`fetch_one` of an INSERT is a write), for
//! which the baseline pack has no rule on personal data other than PHI.
#[privflow::data]
pub struct Customer {
    pub id: i64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub async fn save(pool: &sqlx::PgPool, c: &Customer) -> Result<i64, sqlx::Error> {
    let row = sqlx::query("INSERT INTO customers (email) VALUES ($1) RETURNING id")
        .bind(&c.email)
        .fetch_one(pool)
        .await?;
    sqlx::Row::try_get(&row, "id")
}

pub async fn create(pool: &sqlx::PgPool, c: Customer) {
    let id = save(pool, &c).await.unwrap_or_default();
    tracing::info!(customer_id = id, "customer created");
    let done = sqlx::query("UPDATE customers SET verified = true WHERE email = $1")
        .bind(&c.email)
        .execute(pool)
        .await;
    tracing::info!(?done, "verified");
}
