//! The DELETE text is built with format! from a list of table names.

pub struct Customer {
    pub id: i64,
}
pub struct CustomerProfile {
    pub customer_id: i64,
}
pub struct Invitation {
    pub customer_id: i64,
}

#[privflow::erases(Customer, CustomerProfile, Invitation)]
pub async fn purge(pool: &sqlx::PgPool, customer_id: i64) -> Result<(), sqlx::Error> {
    for table in ["invitations", "profiles"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE customer_id = $1"))
            .bind(customer_id)
            .execute(pool)
            .await?;
    }
    sqlx::query("DELETE FROM customers WHERE id = $1")
        .bind(customer_id)
        .execute(pool)
        .await?;
    Ok(())
}
