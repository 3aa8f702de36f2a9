//! The DELETE query is made but never run (its `execute` was lost in a refactoring).

pub struct Patient {
    pub id: i64,
}

#[privflow::erases(Patient)] //~ privflow/erasure-not-reached
pub async fn erase(_pool: &sqlx::PgPool, patient_id: i64) {
    let sql = "DELETE FROM patients WHERE id = $1";
    let _query = sqlx::query(sql).bind(patient_id);
}
