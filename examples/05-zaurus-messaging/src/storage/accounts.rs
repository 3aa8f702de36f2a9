//! The `accounts` and `devices` tables.

use sqlx::postgres::PgRow;
use sqlx::{PgPool, Row};

use crate::crypto::{DataKey, PGP_OPTIONS};
use crate::models::{Account, Role};

/// Stores a new profile. Name and contact details are encrypted column by column (AES256).
#[privflow::sink(
    kind = "storage",
    region = "eu-central-1",
    encrypted = true,
    purpose = "essential.service"
)]
pub async fn insert_account(
    pool: &PgPool,
    key: &DataKey,
    account: &Account,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO accounts \
           (id, role, display_name, email, phone, job_title, organisation, created_at) \
         VALUES ($1, $2, pgp_sym_encrypt($3, $8, $9), pgp_sym_encrypt($4, $8, $9), \
                 pgp_sym_encrypt($5, $8, $9), pgp_sym_encrypt($6, $8, $9), \
                 pgp_sym_encrypt($7, $8, $9), now())",
    )
    .bind(account.id)
    .bind(account.role.as_db())
    .bind(&account.display_name)
    .bind(&account.email)
    .bind(&account.phone)
    .bind(&account.job_title)
    .bind(&account.organisation)
    .bind(key.expose())
    .bind(PGP_OPTIONS)
    .execute(pool)
    .await?;
    Ok(())
}

/// Loads a profile, decrypting its columns.
pub async fn find_account(
    pool: &PgPool,
    key: &DataKey,
    id: i64,
) -> Result<Option<Account>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, role, pgp_sym_decrypt(display_name, $2) AS display_name, \
                pgp_sym_decrypt(email, $2) AS email, pgp_sym_decrypt(phone, $2) AS phone, \
                pgp_sym_decrypt(job_title, $2) AS job_title, \
                pgp_sym_decrypt(organisation, $2) AS organisation \
         FROM accounts WHERE id = $1",
    )
    .bind(id)
    .bind(key.expose())
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(account_from_row).transpose()
}

fn account_from_row(row: &PgRow) -> Result<Account, sqlx::Error> {
    Ok(Account {
        id: row.try_get("id")?,
        role: Role::from_db(row.try_get("role")?),
        display_name: row.try_get("display_name")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        job_title: row.try_get("job_title")?,
        organisation: row.try_get("organisation")?,
    })
}

/// Push tokens of the devices linked to an account ("your Device ID").
pub async fn device_tokens(pool: &PgPool, account_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT push_token FROM devices WHERE account_id = $1")
        .bind(account_id)
        .fetch_all(pool)
        .await
}
