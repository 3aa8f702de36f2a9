//! Attachments: the bytes go to the object store of the primary data centre (Frankfurt) with a
//! disaster-recovery copy in the second data centre; file name and type go to the `attachments`
//! table.

use axum::http::header::CONTENT_TYPE;
use sqlx::PgPool;

use crate::crypto::{DataKey, PGP_OPTIONS, SSE_HEADER};
use crate::models::Attachment;

/// Object store of the primary data centre (AWS eu-central-1, Frankfurt).
const PRIMARY_STORE: &str = "https://objects.eu-central-1.zaurus.internal";

/// Object store of the disaster-recovery copy.
#[cfg(not(feature = "compliant"))]
const DR_STORE: &str = "https://objects.eu-west-2.zaurus.internal";
#[cfg(feature = "compliant")]
const DR_STORE: &str = "https://objects.eu-west-1.zaurus.internal";

/// Stores the bytes of an attachment in the primary bucket, encrypted with AES256 (SSE).
#[privflow::sink(
    kind = "storage",
    region = "eu-central-1",
    encrypted = true,
    purpose = "essential.service"
)]
pub async fn put_object(
    http: &reqwest::Client,
    key: &str,
    content_type: &str,
    bytes: &[u8],
) -> Result<(), reqwest::Error> {
    upload(http, PRIMARY_STORE, key, content_type, bytes).await
}

/// Copies an attachment to the disaster-recovery bucket.
///
/// The DR bucket was set up in London (eu-west-2), "the closest region to Alkmaar", which is not
/// one of the two data centres the privacy statement names.
#[cfg(not(feature = "compliant"))]
#[privflow::sink(
    kind = "storage",
    region = "eu-west-2",
    encrypted = true,
    purpose = "essential.service"
)]
pub async fn put_dr_replica(
    http: &reqwest::Client,
    key: &str,
    content_type: &str,
    bytes: &[u8],
) -> Result<(), reqwest::Error> {
    upload(http, DR_STORE, key, content_type, bytes).await
}

/// Copies an attachment to the disaster-recovery bucket in the second data centre (AWS
/// eu-west-1, Ireland).
#[cfg(feature = "compliant")]
#[privflow::sink(
    kind = "storage",
    region = "eu-west-1",
    encrypted = true,
    purpose = "essential.service"
)]
pub async fn put_dr_replica(
    http: &reqwest::Client,
    key: &str,
    content_type: &str,
    bytes: &[u8],
) -> Result<(), reqwest::Error> {
    upload(http, DR_STORE, key, content_type, bytes).await
}

async fn upload(
    http: &reqwest::Client,
    store: &str,
    key: &str,
    content_type: &str,
    bytes: &[u8],
) -> Result<(), reqwest::Error> {
    http.put(format!("{store}/attachments/{key}"))
        .header(SSE_HEADER.0, SSE_HEADER.1)
        .header(CONTENT_TYPE, content_type)
        .body(bytes.to_vec())
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Stores the attachment's metadata; the file name is encrypted like a message body.
#[privflow::sink(
    kind = "storage",
    region = "eu-central-1",
    encrypted = true,
    purpose = "essential.service"
)]
pub async fn insert_metadata(
    pool: &PgPool,
    key: &DataKey,
    attachment: &Attachment,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO attachments \
           (id, thread_id, uploader_id, file_name, content_type, object_key, size_bytes) \
         VALUES ($1, $2, $3, pgp_sym_encrypt($4, $8, $9), $5, $6, $7)",
    )
    .bind(attachment.id)
    .bind(attachment.thread_id)
    .bind(attachment.uploader_id)
    .bind(&attachment.file_name)
    .bind(&attachment.content_type)
    .bind(attachment.object_key())
    .bind(attachment.bytes.len() as i64)
    .bind(key.expose())
    .bind(PGP_OPTIONS)
    .execute(pool)
    .await?;
    Ok(())
}

/// Object keys of the attachments an account uploaded.
pub async fn object_keys_of(pool: &PgPool, account_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT object_key FROM attachments WHERE uploader_id = $1")
        .bind(account_id)
        .fetch_all(pool)
        .await
}

/// Deletes an attachment from both buckets.
pub async fn delete_objects(http: &reqwest::Client, key: &str) -> Result<(), reqwest::Error> {
    for store in [PRIMARY_STORE, DR_STORE] {
        http.delete(format!("{store}/attachments/{key}"))
            .send()
            .await?
            .error_for_status()?;
    }
    Ok(())
}
