//! "3. Contact details of colleagues and relations": inviting someone to the platform.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;

use crate::error::AppError;
use crate::models::{now_unix, Invitation};
use crate::storage;
use crate::AppState;

#[privflow::data]
#[derive(Debug, Deserialize)]
pub struct InviteRequest {
    #[pii(category = "user.contact.email")]
    pub email: String,
    #[pii(category = "user.name")]
    pub name: Option<String>,
}

/// `POST /v1/invitations`
pub async fn invite(
    State(app): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<InviteRequest>,
) -> Result<StatusCode, AppError> {
    let inviter = super::current_account(&app, &headers).await?;
    let invitation = Invitation {
        id: storage::next_id(&app.db, "invitations_id_seq").await?,
        inviter_id: inviter.id,
        invitee_email: req.email,
        invitee_name: req.name,
        token: storage::random_token(&app.db).await?,
        created_at: now_unix(),
    };
    storage::invitations::insert_invitation(&app.db, &app.data_key, &invitation).await?;

    let greeting = match &invitation.invitee_name {
        Some(name) => format!("Hello {name},"),
        None => "Hello,".to_string(),
    };
    app.mailer.send_service_mail(
        &invitation.invitee_email,
        &format!("{} invites you to Zaurus", inviter.display_name),
        format!(
            "{greeting}\n\n{} would like to communicate with you securely via Zaurus.\n\
             Accept the invitation: https://app.zaurus.nl/invite/{}\n",
            inviter.display_name, invitation.token
        ),
    )?;
    tracing::info!(
        invitation_id = invitation.id,
        inviter_id = inviter.id,
        "invitation sent"
    );
    Ok(StatusCode::CREATED)
}
