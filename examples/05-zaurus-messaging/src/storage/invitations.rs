//! The `invitations` table: addresses of colleagues and relations a user invited.

use sqlx::PgPool;

use crate::crypto::{DataKey, PGP_OPTIONS};
use crate::models::Invitation;

/// Stores an invitation until it is accepted or expires; the address is encrypted (AES256).
#[privflow::sink(
    kind = "storage",
    region = "eu-central-1",
    encrypted = true,
    purpose = "essential.service"
)]
pub async fn insert_invitation(
    pool: &PgPool,
    key: &DataKey,
    invitation: &Invitation,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO invitations (id, inviter_id, invitee_email, invitee_name, token, created_at) \
         VALUES ($1, $2, pgp_sym_encrypt($3, $7, $8), pgp_sym_encrypt($4, $7, $8), \
                 $5, to_timestamp($6))",
    )
    .bind(invitation.id)
    .bind(invitation.inviter_id)
    .bind(&invitation.invitee_email)
    .bind(&invitation.invitee_name)
    .bind(&invitation.token)
    .bind(invitation.created_at)
    .bind(key.expose())
    .bind(PGP_OPTIONS)
    .execute(pool)
    .await?;
    Ok(())
}

/// Deletes the invitations an account sent, with the addresses it shared: part of closing the
/// account.
#[cfg(feature = "compliant")]
#[privflow::erases(Invitation)]
pub async fn delete_sent_by(
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    inviter_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM invitations WHERE inviter_id = $1")
        .bind(inviter_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
