//! Consent records.
//!
//! "first ask for your (explicit) permission to process your personal data in cases where your
//! consent is required". Two places need it: the newsletter ("Your e-mail address will only be
//! added to the list of subscribers with your consent.") and analytics cookies on the website
//! ("We ask for your permission to use these cookies.").

use axum::http::HeaderMap;
use sqlx::PgPool;

/// What a consent record is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Newsletter,
}

impl Purpose {
    fn as_db(self) -> &'static str {
        match self {
            Purpose::Newsletter => "newsletter",
        }
    }
}

/// Reads and writes the `consents` table: one row per decision, the latest one counts.
#[derive(Clone)]
pub struct ConsentService {
    pool: PgPool,
}

impl ConsentService {
    pub fn new(pool: PgPool) -> Self {
        ConsentService { pool }
    }

    /// Records a decision the user made (a checkbox on the registration form, the unsubscribe
    /// link in a newsletter).
    pub async fn record(
        &self,
        account_id: i64,
        purpose: Purpose,
        granted: bool,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO consents (account_id, purpose, granted, decided_at) \
             VALUES ($1, $2, $3, now())",
        )
        .bind(account_id)
        .bind(purpose.as_db())
        .bind(granted)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn latest(&self, account_id: i64, purpose: Purpose) -> Result<bool, sqlx::Error> {
        let granted: Option<bool> = sqlx::query_scalar(
            "SELECT granted FROM consents WHERE account_id = $1 AND purpose = $2 \
             ORDER BY decided_at DESC LIMIT 1",
        )
        .bind(account_id)
        .bind(purpose.as_db())
        .fetch_optional(&self.pool)
        .await?;
        Ok(granted.unwrap_or(false))
    }

    /// Did the user opt in to the newsletter (and not unsubscribe since)? A lookup error counts
    /// as "no".
    #[privflow::consent(purpose = "marketing.communications.email")]
    pub async fn has_newsletter_consent(&self, account_id: i64) -> bool {
        match self.latest(account_id, Purpose::Newsletter).await {
            Ok(granted) => granted,
            Err(err) => {
                tracing::warn!(account_id, error = %err, "consent lookup failed");
                false
            }
        }
    }
}

/// Did the website visitor accept analytics cookies in the cookie banner? The banner stores the
/// choice in the `zaurus_consent` cookie (`zaurus_consent=functional,analytics`).
#[privflow::consent(purpose = "analytics")]
pub fn analytics_cookies_accepted(headers: &HeaderMap) -> bool {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().strip_prefix("zaurus_consent="))
        .any(|choices| choices.split(',').any(|c| c == "analytics"))
}
