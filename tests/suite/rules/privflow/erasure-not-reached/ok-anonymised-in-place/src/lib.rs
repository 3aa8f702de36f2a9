//! The record stays (for accounting) but its personal columns are set to NULL: an erasure.

pub struct Customer {
    pub id: i64,
}

#[privflow::erases(Customer)]
pub async fn erase(pool: &sqlx::PgPool, customer_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE shop.customers SET email = NULL, phone = NULL, erased_at = now() WHERE id = $1")
        .bind(customer_id)
        .execute(pool)
        .await?;
    Ok(())
}
