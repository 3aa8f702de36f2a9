//! The newsletter subscriber list ("news, tips and information about our products and
//! services"). An address stays on it until its owner unsubscribes.

use sqlx::PgPool;

use crate::crypto::{DataKey, PGP_OPTIONS};

/// Puts an address on the subscriber list (encrypted, AES256). A subscription belongs to its
/// account: `erase_account` deletes it with the account.
#[privflow::sink(
    kind = "storage",
    region = "eu-central-1",
    encrypted = true,
    purpose = "marketing.communications.email",
    stores = "Account"
)]
pub async fn add_subscriber(
    pool: &PgPool,
    key: &DataKey,
    account_id: i64,
    email: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO newsletter_subscribers (account_id, email, subscribed_at) \
         VALUES ($1, pgp_sym_encrypt($2, $3, $4), now()) ON CONFLICT (account_id) DO NOTHING",
    )
    .bind(account_id)
    .bind(email)
    .bind(key.expose())
    .bind(PGP_OPTIONS)
    .execute(pool)
    .await?;
    Ok(())
}

/// Takes an account off the list (the unsubscribe link in every newsletter).
pub async fn remove_subscriber(pool: &PgPool, account_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM newsletter_subscribers WHERE account_id = $1")
        .bind(account_id)
        .execute(pool)
        .await?;
    Ok(())
}
