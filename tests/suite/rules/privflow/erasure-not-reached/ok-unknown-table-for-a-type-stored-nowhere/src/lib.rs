//! Login attempts are kept in `login_history`, a table privflow cannot tie to `LoginAttempt` by
//! its name, and no tagged data of a login attempt is stored: the deletion from that table gets
//! the benefit of the doubt.

pub struct LoginAttempt {
    pub customer_id: i64,
}

pub async fn record(pool: &sqlx::PgPool, a: &LoginAttempt) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO login_history (customer_id, at) VALUES ($1, now())")
        .bind(a.customer_id)
        .execute(pool)
        .await?;
    Ok(())
}

#[privflow::erases(LoginAttempt)]
pub async fn purge(pool: &sqlx::PgPool, customer_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_history WHERE customer_id = $1")
        .bind(customer_id)
        .execute(pool)
        .await?;
    Ok(())
}
