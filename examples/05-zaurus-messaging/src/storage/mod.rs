//! Persistent storage: PostgreSQL (primary cluster in eu-central-1, standby in eu-west-1) and
//! the attachment object stores. Personal columns are encrypted with AES256 (see `crate::crypto`).

pub mod accounts;
pub mod attachments;
pub mod drafts;
pub mod invitations;
pub mod messages;
pub mod newsletter;

use sqlx::PgPool;

use crate::error::AppError;

/// The next value of a table's id sequence.
pub async fn next_id(pool: &PgPool, sequence: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT nextval($1::regclass)")
        .bind(sequence)
        .fetch_one(pool)
        .await
}

/// A random token for links in e-mails (pgcrypto's CSPRNG).
pub async fn random_token(pool: &PgPool) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT encode(gen_random_bytes(24), 'hex')")
        .fetch_one(pool)
        .await
}

/// "the right to request deletion of personal data": closes an account and deletes what it
/// stored — the profile, its messages, drafts and attachments (in both data centres), its
/// newsletter subscription and its consent records.
#[privflow::erases(
    crate::models::Account,
    crate::models::Message,
    crate::models::Draft,
    crate::models::Attachment
)]
pub async fn erase_account(
    pool: &PgPool,
    http: &reqwest::Client,
    account_id: i64,
) -> Result<(), AppError> {
    for key in attachments::object_keys_of(pool, account_id).await? {
        attachments::delete_objects(http, &key).await?;
    }

    let mut tx = pool.begin().await?;
    for statement in [
        "DELETE FROM drafts WHERE author_id = $1",
        "DELETE FROM attachments WHERE uploader_id = $1",
        "DELETE FROM messages WHERE sender_id = $1",
        "DELETE FROM newsletter_subscribers WHERE account_id = $1",
        "DELETE FROM consents WHERE account_id = $1",
        "DELETE FROM devices WHERE account_id = $1",
        "DELETE FROM accounts WHERE id = $1",
    ] {
        sqlx::query(statement)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
    }
    #[cfg(feature = "compliant")]
    invitations::delete_sent_by(&mut tx, account_id).await?;
    tx.commit().await?;
    Ok(())
}
