//! Batch work: newsletter sending and the retention run.

use serde::Serialize;

use crate::consent;
use crate::db;
use crate::integrations::mailer::NewsletterIssue;
use crate::AppState;

/// Sends an issue to every subscriber who confirmed the double opt-in; returns how many got it.
pub async fn send_newsletter(
    app: &AppState,
    issue: &NewsletterIssue,
) -> Result<usize, sqlx::Error> {
    let subscriptions = db::newsletter_subscriptions(&app.db).await?;
    let (mut sent, mut failed) = (0, 0);
    for sub in &subscriptions {
        if consent::newsletter_confirmed(sub) {
            match app.mailer.send_issue(sub, issue) {
                Ok(()) => sent += 1,
                Err(_) => failed += 1,
            }
        }
    }
    if failed > 0 {
        tracing::warn!(sent, failed, "newsletter issue partly undelivered");
    }
    Ok(sent)
}

#[derive(Debug, Default, Serialize)]
pub struct RetentionReport {
    pub studies_deleted: usize,
    pub inquiries_deleted: u64,
}

/// Deletes studies whose retention period has expired: metadata, reports and archive objects.
#[privflow::erases(
    crate::models::Study,
    crate::models::DicomInstance,
    crate::models::RadiologyReport
)]
pub async fn purge_expired_studies(app: &AppState) -> Result<usize, sqlx::Error> {
    let mut deleted = 0;
    for (tenant, study_uid) in db::expired_studies(&app.db).await? {
        if app.archive.delete_study(&tenant, &study_uid).await.is_err() {
            tracing::warn!(study_uid = %study_uid, "archive deletion failed, retrying tomorrow");
            continue;
        }
        db::delete_study_rows(&app.db, &study_uid).await?;
        deleted += 1;
    }
    Ok(deleted)
}

/// The nightly retention run.
pub async fn nightly(app: &AppState) -> Result<RetentionReport, sqlx::Error> {
    let studies_deleted = purge_expired_studies(app).await?;
    #[cfg(feature = "compliant")]
    let inquiries_deleted = db::purge_answered_inquiries(&app.db).await?;
    #[cfg(not(feature = "compliant"))]
    let inquiries_deleted = 0;
    let report = RetentionReport {
        studies_deleted,
        inquiries_deleted,
    };
    tracing::info!(?report, "retention run finished");
    Ok(report)
}
