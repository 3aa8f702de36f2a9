//! Consent records. Patients opt in (and out) of CloudVisit's own newsletter in the app's
//! settings; the practice's BAA covers everything the treatment itself needs.

use sqlx::{PgPool, Row};

/// Reads the patient's consent choices from the `consents` table.
#[derive(Clone)]
pub struct ConsentService {
    pool: PgPool,
}

impl ConsentService {
    pub fn new(pool: PgPool) -> Self {
        ConsentService { pool }
    }

    /// True when the patient opted in to marketing communication from CloudVisit and has not
    /// withdrawn that consent since. Fails closed: a database error means no consent. The consent
    /// is that patient's: it covers mail to them, no one else (`binds`).
    #[privflow::consent(purpose = "marketing.communications", binds = 0)]
    pub async fn allows_marketing(&self, patient_id: i64) -> bool {
        let row = sqlx::query(
            "SELECT granted FROM consents \
             WHERE patient_id = $1 AND purpose = 'marketing' \
             ORDER BY recorded_at DESC LIMIT 1",
        )
        .bind(patient_id)
        .fetch_optional(&self.pool)
        .await;
        match row {
            Ok(Some(row)) => row.try_get::<bool, _>("granted").unwrap_or(false),
            _ => false,
        }
    }

    /// Records an opt-in or opt-out from the settings screen.
    pub async fn record(&self, patient_id: i64, granted: bool) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO consents (patient_id, purpose, granted, recorded_at) \
             VALUES ($1, 'marketing', $2, now())",
        )
        .bind(patient_id)
        .bind(granted)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
