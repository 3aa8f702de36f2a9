//! The `messages` table and thread membership.

use sqlx::PgPool;

use crate::crypto::{DataKey, PGP_OPTIONS};
use crate::models::Message;

/// Stores a message; the body is encrypted with AES256 before it touches a page on disk.
#[privflow::sink(
    kind = "storage",
    region = "eu-central-1",
    encrypted = true,
    purpose = "essential.service"
)]
pub async fn insert_message(
    pool: &PgPool,
    key: &DataKey,
    message: &Message,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO messages (id, thread_id, sender_id, body, sent_at) \
         VALUES ($1, $2, $3, pgp_sym_encrypt($4, $6, $7), to_timestamp($5))",
    )
    .bind(message.id)
    .bind(message.thread_id)
    .bind(message.sender_id)
    .bind(&message.body)
    .bind(message.sent_at)
    .bind(key.expose())
    .bind(PGP_OPTIONS)
    .execute(pool)
    .await?;
    Ok(())
}

/// Is the account a member of the thread?
pub async fn is_member(
    pool: &PgPool,
    thread_id: i64,
    account_id: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM thread_members WHERE thread_id = $1 AND account_id = $2)",
    )
    .bind(thread_id)
    .bind(account_id)
    .fetch_one(pool)
    .await
}

/// The other members of a thread, who get a notification for a new message.
pub async fn other_members(
    pool: &PgPool,
    thread_id: i64,
    sender_id: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT account_id FROM thread_members WHERE thread_id = $1 AND account_id <> $2",
    )
    .bind(thread_id)
    .bind(sender_id)
    .fetch_all(pool)
    .await
}
