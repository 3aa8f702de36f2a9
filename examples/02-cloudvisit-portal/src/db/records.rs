//! The patient record: patients and visits, in the AES-256 encrypted tables.

use sqlx::postgres::PgRow;
use sqlx::{PgPool, Row};

use crate::models::{NewPatient, Patient, Visit, VisitCompletion, VisitStatus};

/// Inserts a new patient into the encrypted `patients` table and returns its id.
#[privflow::sink(kind = "storage", encrypted = true, retention_days = 395)]
pub async fn insert_patient(pool: &PgPool, p: &NewPatient) -> Result<i64, sqlx::Error> {
    let row = sqlx::query(
        "INSERT INTO patients (practice_id, full_name, email, mobile_phone, date_of_birth, state) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(p.practice_id)
    .bind(&p.full_name)
    .bind(&p.email)
    .bind(&p.mobile_phone)
    .bind(&p.date_of_birth)
    .bind(&p.state)
    .fetch_one(pool)
    .await?;
    row.try_get("id")
}

/// Writes the provider's documentation of a finished visit into the encrypted `visits` table.
#[privflow::sink(kind = "storage", encrypted = true, retention_days = 395)]
pub async fn complete_visit(
    pool: &PgPool,
    visit_id: i64,
    completion: &VisitCompletion,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE visits SET status = 'completed', clinical_notes = $2, diagnosis_codes = $3, \
         duration_minutes = $4 WHERE id = $1",
    )
    .bind(visit_id)
    .bind(&completion.clinical_notes)
    .bind(&completion.diagnosis_codes)
    .bind(completion.duration_minutes)
    .execute(pool)
    .await?;
    Ok(())
}

fn patient_from_row(row: &PgRow) -> Result<Patient, sqlx::Error> {
    Ok(Patient {
        id: row.try_get("id")?,
        practice_id: row.try_get("practice_id")?,
        full_name: row.try_get("full_name")?,
        email: row.try_get("email")?,
        mobile_phone: row.try_get("mobile_phone")?,
        date_of_birth: row.try_get("date_of_birth")?,
        state: row.try_get("state")?,
    })
}

fn visit_from_row(row: &PgRow) -> Result<Visit, sqlx::Error> {
    let status: String = row.try_get("status")?;
    Ok(Visit {
        id: row.try_get("id")?,
        patient_id: row.try_get("patient_id")?,
        provider_id: row.try_get("provider_id")?,
        provider_name: row.try_get("provider_name")?,
        scheduled_at: row.try_get("scheduled_at")?,
        duration_minutes: row.try_get("duration_minutes")?,
        status: match status.as_str() {
            "in_progress" => VisitStatus::InProgress,
            "completed" => VisitStatus::Completed,
            "cancelled" => VisitStatus::Cancelled,
            _ => VisitStatus::Scheduled,
        },
        reason_for_visit: row.try_get("reason_for_visit")?,
        clinical_notes: row.try_get("clinical_notes")?,
        diagnosis_codes: row.try_get("diagnosis_codes")?,
    })
}

pub async fn load_patient(pool: &PgPool, patient_id: i64) -> Result<Patient, sqlx::Error> {
    let row = sqlx::query("SELECT * FROM patients WHERE id = $1")
        .bind(patient_id)
        .fetch_one(pool)
        .await?;
    patient_from_row(&row)
}

/// The visit with its clinical note: only for a caller `access::authorize_visit` let through for
/// this visit.
#[privflow::guarded(by = ["hipaa.visit_access"], binds = 1)]
pub async fn load_visit(pool: &PgPool, visit_id: i64) -> Result<Visit, sqlx::Error> {
    let row = sqlx::query(
        "SELECT v.*, p.display_name AS provider_name FROM visits v \
         JOIN providers p ON p.id = v.provider_id WHERE v.id = $1",
    )
    .bind(visit_id)
    .fetch_one(pool)
    .await?;
    visit_from_row(&row)
}

/// Today's scheduled and running visits of one provider, for the waiting room.
pub async fn waiting_room(
    pool: &PgPool,
    provider_id: i64,
) -> Result<Vec<(Patient, Visit)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT v.*, p.display_name AS provider_name FROM visits v \
         JOIN providers p ON p.id = v.provider_id \
         WHERE v.provider_id = $1 AND v.status IN ('scheduled', 'in_progress') \
         AND v.scheduled_at::date = current_date ORDER BY v.scheduled_at",
    )
    .bind(provider_id)
    .fetch_all(pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let visit = visit_from_row(row)?;
        let patient = load_patient(pool, visit.patient_id).await?;
        out.push((patient, visit));
    }
    Ok(out)
}

/// Ids of patients whose practice deactivated their account more than 30 days ago and whose
/// records have not been moved to the restore-only archive yet (a batch per run).
pub async fn due_for_archive(pool: &PgPool) -> Result<Vec<i64>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id FROM patients WHERE deactivated_at < now() - interval '30 days' \
         AND archived_at IS NULL ORDER BY deactivated_at LIMIT 500",
    )
    .fetch_all(pool)
    .await?;
    rows.iter().map(|row| row.try_get("id")).collect()
}

/// All visits of one patient, for the archive.
pub async fn visits_of_patient(pool: &PgPool, patient_id: i64) -> Result<Vec<Visit>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT v.*, p.display_name AS provider_name FROM visits v \
         JOIN providers p ON p.id = v.provider_id WHERE v.patient_id = $1",
    )
    .bind(patient_id)
    .fetch_all(pool)
    .await?;
    rows.iter().map(visit_from_row).collect()
}

/// Marks an archived patient and removes the live rows: from now on only system
/// administrators can restore the record from the archive.
pub async fn mark_archived(pool: &PgPool, patient_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM visits WHERE patient_id = $1")
        .bind(patient_id)
        .execute(pool)
        .await?;
    sqlx::query("UPDATE patients SET archived_at = now(), full_name = '', email = '', mobile_phone = '' WHERE id = $1")
        .bind(patient_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Patients of all practices, for the nightly marketing job (consent is checked per patient).
pub async fn active_patients(pool: &PgPool) -> Result<Vec<Patient>, sqlx::Error> {
    let rows = sqlx::query("SELECT * FROM patients WHERE deactivated_at IS NULL")
        .fetch_all(pool)
        .await?;
    rows.iter().map(patient_from_row).collect()
}

/// Patients who manage the accounts of family members (children, or adults in their care).
pub async fn guardians(pool: &PgPool) -> Result<Vec<Patient>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT * FROM patients WHERE deactivated_at IS NULL \
         AND id IN (SELECT guardian_id FROM patients WHERE guardian_id IS NOT NULL)",
    )
    .fetch_all(pool)
    .await?;
    rows.iter().map(patient_from_row).collect()
}

/// The family members whose accounts a guardian manages.
pub async fn dependents_of(pool: &PgPool, guardian_id: i64) -> Result<Vec<Patient>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT * FROM patients WHERE guardian_id = $1 AND deactivated_at IS NULL")
            .bind(guardian_id)
            .fetch_all(pool)
            .await?;
    rows.iter().map(patient_from_row).collect()
}
