//! Autosave of the provider's note editor. A draft lives until the visit is completed (then the
//! note moves into the encrypted `visits` table) and is purged after 30 days at the latest.
//!
//! `note_drafts` is a plain table next to the encrypted schema: it was added for the autosave
//! feature and is not covered by the column encryption of `db::records`.

use sqlx::PgPool;

use crate::models::NoteDraft;

/// Upserts the latest revision of a visit's draft note into `note_drafts`.
#[privflow::sink(kind = "storage", retention_days = 30)]
async fn upsert_draft_row(
    pool: &PgPool,
    visit_id: i64,
    revision: i64,
    body: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO note_drafts (visit_id, revision, body, saved_at) VALUES ($1, $2, $3, now()) \
         ON CONFLICT (visit_id) DO UPDATE SET revision = $2, body = $3, saved_at = now() \
         WHERE note_drafts.revision < $2",
    )
    .bind(visit_id)
    .bind(revision)
    .bind(body)
    .execute(pool)
    .await?;
    Ok(())
}

/// Saves a draft as the provider types.
#[cfg(not(feature = "compliant"))]
pub async fn autosave(pool: &PgPool, visit_id: i64, draft: &NoteDraft) -> Result<(), sqlx::Error> {
    // Careless: the clinical note goes into the plain table as typed.
    upsert_draft_row(pool, visit_id, draft.revision, &draft.text).await //~ cloudvisit/encrypt-at-rest baseline/phi-unencrypted-at-rest
}

/// Saves a draft as the provider types.
#[cfg(feature = "compliant")]
pub async fn autosave(pool: &PgPool, visit_id: i64, draft: &NoteDraft) -> Result<(), sqlx::Error> {
    // The note is sealed with the practice's AES-256 data key before it leaves the process.
    let sealed = crate::crypto::seal(&draft.text);
    upsert_draft_row(pool, visit_id, draft.revision, &sealed).await
}

/// Deletes the draft once the visit's note is in the encrypted record.
pub async fn discard(pool: &PgPool, visit_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM note_drafts WHERE visit_id = $1")
        .bind(visit_id)
        .execute(pool)
        .await?;
    Ok(())
}
