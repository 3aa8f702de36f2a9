//! Billing information: visit fees, stored in the AES-256 encrypted `payments` table, and the
//! queue the retry worker reads when the processor declined or timed out.

use sqlx::{PgPool, Row};

use crate::models::Payment;

/// Writes a payment (with its card token) into the encrypted `payments` table.
#[privflow::sink(kind = "storage", encrypted = true, retention_days = 395)]
pub async fn record_payment(
    pool: &PgPool,
    payment: &Payment,
    status: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO payments (id, visit_id, patient_id, amount_cents, card_token, billing_zip, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (id) DO UPDATE SET status = $7",
    )
    .bind(payment.id)
    .bind(payment.visit_id)
    .bind(payment.patient_id)
    .bind(payment.amount_cents)
    .bind(&payment.card_token)
    .bind(&payment.billing_zip)
    .bind(status)
    .execute(pool)
    .await?;
    Ok(())
}

/// Allocates the id of a new payment.
pub async fn next_payment_id(pool: &PgPool) -> Result<i64, sqlx::Error> {
    let row = sqlx::query("SELECT nextval('payments_id_seq') AS id")
        .fetch_one(pool)
        .await?;
    row.try_get("id")
}

/// A retry job with everything the worker needs to charge again, in the plain queue table.
#[cfg(not(feature = "compliant"))]
#[privflow::sink(kind = "storage", retention_days = 7)]
async fn insert_retry_job(pool: &PgPool, payment: &Payment) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO payment_retry_queue (payment_id, amount_cents, card_token, billing_zip, attempts) \
         VALUES ($1, $2, $3, $4, 0)",
    )
    .bind(payment.id)
    .bind(payment.amount_cents)
    .bind(&payment.card_token)
    .bind(&payment.billing_zip)
    .execute(pool)
    .await?;
    Ok(())
}

/// A retry job that only points at the payment; the worker reads the card token from the
/// encrypted `payments` table when it charges again.
#[cfg(feature = "compliant")]
#[privflow::sink(kind = "storage", retention_days = 7)]
async fn insert_retry_job(pool: &PgPool, payment_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO payment_retry_queue (payment_id, attempts) VALUES ($1, 0)")
        .bind(payment_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Queues a declined or timed-out charge for the retry worker.
#[cfg(not(feature = "compliant"))]
pub async fn enqueue_retry(pool: &PgPool, payment: &Payment) -> Result<(), sqlx::Error> {
    record_payment(pool, payment, "retry_pending").await?;
    // Careless: the worker should not need a second query, so the job carries the card.
    insert_retry_job(pool, payment).await //~ cloudvisit/encrypt-at-rest
}

/// Queues a declined or timed-out charge for the retry worker.
#[cfg(feature = "compliant")]
pub async fn enqueue_retry(pool: &PgPool, payment: &Payment) -> Result<(), sqlx::Error> {
    record_payment(pool, payment, "retry_pending").await?;
    insert_retry_job(pool, payment.id).await
}
