//! Who may read a visit's record: the patient it belongs to, or a provider of the practice that
//! treats them. The statement promises that patient data sits on servers "auf die nur eine
//! begrenzte Anzahl von Personen Zugriff hat"; HIPAA's minimum-necessary rule asks the same of
//! every request.

use axum::http::HeaderMap;
use sqlx::{PgPool, Row};

use crate::handlers::AppError;

/// The account the API gateway authenticated. The gateway sets these headers after login and
/// strips them from client requests.
pub struct Caller {
    pub account_id: i64,
    pub is_provider: bool,
}

impl Caller {
    pub fn from_headers(headers: &HeaderMap) -> Option<Caller> {
        let account_id = headers
            .get("x-cloudvisit-account")?
            .to_str()
            .ok()?
            .parse()
            .ok()?;
        let is_provider = headers
            .get("x-cloudvisit-role")
            .and_then(|v| v.to_str().ok())
            == Some("provider");
        Some(Caller {
            account_id,
            is_provider,
        })
    }
}

/// Succeeds when the caller may read visit `visit_id`: its patient, or a provider of the
/// patient's practice. Every handler that loads a visit calls it first (`records::load_visit`
/// is guarded by it, for the visit it loads).
#[privflow::check(name = "hipaa.visit_access", binds = 2)]
pub async fn authorize_visit(
    pool: &PgPool,
    headers: &HeaderMap,
    visit_id: i64,
) -> Result<(), AppError> {
    let caller = Caller::from_headers(headers).ok_or(AppError::Forbidden)?;
    let row = sqlx::query(
        "SELECT v.patient_id, p.practice_id FROM visits v \
         JOIN patients p ON p.id = v.patient_id WHERE v.id = $1",
    )
    .bind(visit_id)
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::Forbidden)?;
    let patient_id: i64 = row.try_get("patient_id")?;
    let practice_id: i64 = row.try_get("practice_id")?;
    let allowed = if caller.is_provider {
        let n: i64 =
            sqlx::query_scalar("SELECT count(*) FROM providers WHERE id = $1 AND practice_id = $2")
                .bind(caller.account_id)
                .bind(practice_id)
                .fetch_one(pool)
                .await?;
        n > 0
    } else {
        patient_id == caller.account_id
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
