//! The patient's data is stored in `patients`; the erasure deletes only from `login_history`,
//! which privflow cannot tie to a type. The patient's stored data is not deleted.

#[privflow::data]
pub struct Patient {
    pub id: i64,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

pub async fn register(pool: &sqlx::PgPool, p: &Patient) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO patients (id, email) VALUES ($1, $2)")
        .bind(p.id)
        .bind(&p.email)
        .execute(pool)
        .await?;
    Ok(())
}

#[privflow::erases(Patient)] //~ privflow/erasure-not-reached
pub async fn erase(pool: &sqlx::PgPool, patient_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_history WHERE customer_id = $1")
        .bind(patient_id)
        .execute(pool)
        .await?;
    Ok(())
}
