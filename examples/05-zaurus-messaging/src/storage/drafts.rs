//! The `drafts` table: what a user typed but has not sent yet, autosaved by the apps so that a
//! clinician can continue on another device.

use sqlx::PgPool;

use crate::crypto::DataKey;
use crate::models::Draft;

/// Saves the draft of one author in one thread.
///
/// Written in a hurry for the autosave release: the draft text goes into the table as it is,
/// unlike message bodies, so a draft of a message about a patient sits in clear text on disk.
#[cfg(not(feature = "compliant"))]
pub async fn save_draft(pool: &PgPool, _key: &DataKey, draft: &Draft) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO drafts (thread_id, author_id, body, updated_at) \
         VALUES ($1, $2, $3, to_timestamp($4)) \
         ON CONFLICT (thread_id, author_id) \
         DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at",
    )
    .bind(draft.thread_id)
    .bind(draft.author_id)
    .bind(&draft.body)
    .bind(draft.updated_at)
    .execute(pool) //~ baseline/phi-unencrypted-at-rest zaurus/aes256-at-rest
    .await?;
    Ok(())
}

/// Saves the draft of one author in one thread, encrypted with AES256 like a message body.
#[cfg(feature = "compliant")]
#[privflow::sink(
    kind = "storage",
    region = "eu-central-1",
    encrypted = true,
    purpose = "essential.service"
)]
pub async fn save_draft(pool: &PgPool, key: &DataKey, draft: &Draft) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO drafts (thread_id, author_id, body, updated_at) \
         VALUES ($1, $2, pgp_sym_encrypt($3, $5, $6), to_timestamp($4)) \
         ON CONFLICT (thread_id, author_id) \
         DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at",
    )
    .bind(draft.thread_id)
    .bind(draft.author_id)
    .bind(&draft.body)
    .bind(draft.updated_at)
    .bind(key.expose())
    .bind(crate::crypto::PGP_OPTIONS)
    .execute(pool)
    .await?;
    Ok(())
}

/// Drops the draft once the message was sent.
pub async fn discard_draft(
    pool: &PgPool,
    thread_id: i64,
    author_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM drafts WHERE thread_id = $1 AND author_id = $2")
        .bind(thread_id)
        .bind(author_id)
        .execute(pool)
        .await?;
    Ok(())
}
