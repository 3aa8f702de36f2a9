//! The support directory: lets CloudVisit's support staff find the account a practice calls
//! about ("the patient Dana Whitfield cannot join"). It lives in the support database, which
//! is not part of the encrypted clinical schema.

use sqlx::PgPool;

use crate::models::Patient;

/// Upserts one directory entry.
#[privflow::sink(kind = "storage", retention_days = 395)]
async fn upsert_entry(
    pool: &PgPool,
    patient_id: i64,
    practice_id: i64,
    name: &str,
    email: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO support_directory (patient_id, practice_id, name, email) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (patient_id) DO UPDATE SET name = $3, email = $4",
    )
    .bind(patient_id)
    .bind(practice_id)
    .bind(name)
    .bind(email)
    .execute(pool)
    .await?;
    Ok(())
}

/// Adds a new patient to the support directory.
#[cfg(not(feature = "compliant"))]
pub async fn index_patient(pool: &PgPool, p: &Patient) -> Result<(), sqlx::Error> {
    // Careless: lower-cased so that support can search with ILIKE, readable by anyone with
    // access to the support database, developers included.
    let name = p.full_name.to_lowercase();
    let email = p.email.to_lowercase();
    upsert_entry(pool, p.id, p.practice_id, &name, &email).await //~ cloudvisit/name-and-email-encrypted
}

/// Adds a new patient to the support directory. Name and e-mail are sealed; support looks an
/// account up by patient id or practice and opens the sealed values in the admin console.
#[cfg(feature = "compliant")]
pub async fn index_patient(pool: &PgPool, p: &Patient) -> Result<(), sqlx::Error> {
    let name = crate::crypto::seal(&p.full_name);
    let email = crate::crypto::seal(&p.email.to_lowercase());
    upsert_entry(pool, p.id, p.practice_id, &name, &email).await
}
