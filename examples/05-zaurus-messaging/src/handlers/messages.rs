//! Threads of a digital consulting room: messages, drafts and attachments.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::integrations::{push, sentry, usage};
use crate::models::{now_unix, Account, Attachment, Draft, Message, PushNotification};
use crate::storage;
use crate::storage::attachments;
use crate::AppState;

#[privflow::data]
#[derive(Debug, Deserialize)]
pub struct NewMessage {
    #[phi(category = "user.content")]
    pub body: String,
}

#[derive(Debug, Serialize)]
pub struct Created {
    pub id: i64,
}

async fn member_of(
    app: &AppState,
    headers: &HeaderMap,
    thread_id: i64,
) -> Result<Account, AppError> {
    let account = super::current_account(app, headers).await?;
    if storage::messages::is_member(&app.db, thread_id, account.id).await? {
        Ok(account)
    } else {
        Err(AppError::NotFound)
    }
}

/// `POST /v1/threads/:thread_id/messages`
pub async fn post_message(
    State(app): State<AppState>,
    Path(thread_id): Path<i64>,
    headers: HeaderMap,
    Json(req): Json<NewMessage>,
) -> Result<(StatusCode, Json<Created>), AppError> {
    let sender = member_of(&app, &headers, thread_id).await?;
    let message = Message {
        id: storage::next_id(&app.db, "messages_id_seq").await?,
        thread_id,
        sender_id: sender.id,
        body: req.body,
        sent_at: now_unix(),
    };
    storage::messages::insert_message(&app.db, &app.data_key, &message).await?;
    storage::drafts::discard_draft(&app.db, thread_id, sender.id).await?;
    #[cfg(not(feature = "compliant"))]
    tracing::debug!(?message, "message stored"); //~ baseline/phi-to-log
    #[cfg(feature = "compliant")]
    tracing::debug!(message_id = message.id, thread_id, "message stored");

    notify_members(&app, &sender, &message).await?;
    usage::track(&app.http, &sender, "message_sent").await;
    Ok((StatusCode::CREATED, Json(Created { id: message.id })))
}

/// Sends "New message from ..." to every device of the other members. The message itself stays
/// on the server: the app fetches it over TLS when opened.
async fn notify_members(
    app: &AppState,
    sender: &Account,
    message: &Message,
) -> Result<(), AppError> {
    for member in storage::messages::other_members(&app.db, message.thread_id, sender.id).await? {
        for device_token in storage::accounts::device_tokens(&app.db, member).await? {
            let notification = PushNotification {
                device_token,
                title: format!("New message from {}", sender.display_name),
                thread_id: message.thread_id,
            };
            let sent = push::send_to_relay(&app.http, &notification).await; //~ zaurus/tls-in-transit
            if let Err(err) = sent {
                tracing::warn!(error = %err, member, "push notification failed");
            }
        }
    }
    Ok(())
}

/// `PUT /v1/threads/:thread_id/draft`: autosave of the message being typed.
pub async fn save_draft(
    State(app): State<AppState>,
    Path(thread_id): Path<i64>,
    headers: HeaderMap,
    Json(req): Json<NewMessage>,
) -> Result<StatusCode, AppError> {
    let author = member_of(&app, &headers, thread_id).await?;
    let draft = Draft {
        thread_id,
        author_id: author.id,
        body: req.body,
        updated_at: now_unix(),
    };
    storage::drafts::save_draft(&app.db, &app.data_key, &draft).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /v1/threads/:thread_id/attachments`: the raw file as the request body, its name in
/// `X-File-Name`.
pub async fn upload_attachment(
    State(app): State<AppState>,
    Path(thread_id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Created>), AppError> {
    let uploader = member_of(&app, &headers, thread_id).await?;
    let attachment = Attachment {
        id: storage::next_id(&app.db, "attachments_id_seq").await?,
        thread_id,
        uploader_id: uploader.id,
        file_name: header_value(&headers, "x-file-name")
            .unwrap_or("attachment")
            .to_string(),
        content_type: header_value(&headers, "content-type")
            .unwrap_or("application/octet-stream")
            .to_string(),
        bytes: body.to_vec(),
    };

    if let Err(err) = store_attachment(&app, &attachment).await {
        sentry::capture_error(&app.http, &app.sentry, &err, &uploader).await;
        return Err(err);
    }
    usage::track(&app.http, &uploader, "attachment_uploaded").await;
    Ok((StatusCode::CREATED, Json(Created { id: attachment.id })))
}

fn header_value<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

async fn store_attachment(app: &AppState, attachment: &Attachment) -> Result<(), AppError> {
    let key = attachment.object_key();
    let (content_type, bytes) = (&attachment.content_type, &attachment.bytes);
    attachments::put_object(&app.http, &key, content_type, bytes).await?;
    attachments::put_dr_replica(&app.http, &key, content_type, bytes).await?; //~ zaurus/eu-data-centers
    attachments::insert_metadata(&app.db, &app.data_key, attachment).await?;
    Ok(())
}
