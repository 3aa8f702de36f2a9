//! Registration, profile and account deletion.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::{Deserialize, Serialize};

use crate::consent::Purpose;
use crate::error::AppError;
use crate::integrations::risk;
use crate::models::{Account, Role};
use crate::privacy::client_ip;
use crate::storage;
use crate::storage::newsletter;
use crate::AppState;

/// The registration form of the apps.
#[privflow::data]
#[derive(Debug, Deserialize)]
pub struct RegisterRequest {
    pub role: Role,
    #[pii(category = "user.name")]
    pub display_name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
    #[pii(category = "user.contact.phone_number")]
    pub phone: Option<String>,
    #[pii(category = "user.job_title")]
    pub job_title: Option<String>,
    pub organisation: Option<String>,
    /// The unticked "Send me the Zaurus newsletter" box.
    #[serde(default)]
    pub newsletter_opt_in: bool,
}

#[derive(Debug, Serialize)]
pub struct Registered {
    pub account_id: i64,
}

/// `POST /v1/accounts`
pub async fn register(
    State(app): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<RegisterRequest>,
) -> Result<(StatusCode, Json<Registered>), AppError> {
    let account = Account {
        id: storage::next_id(&app.db, "accounts_id_seq").await?,
        role: req.role,
        display_name: req.display_name,
        email: req.email,
        phone: req.phone,
        job_title: req.job_title,
        organisation: req.organisation,
    };

    let verdict = risk::screen_signup(&app.http, &account, &client_ip(&headers)).await?;
    if verdict.block {
        tracing::info!("registration blocked by the risk check");
        return Err(AppError::Rejected);
    }

    storage::accounts::insert_account(&app.db, &app.data_key, &account).await?;
    app.consent
        .record(account.id, Purpose::Newsletter, req.newsletter_opt_in)
        .await?;
    enrol_in_newsletter(&app, &account).await?;
    #[cfg(not(feature = "compliant"))]
    crate::integrations::linkedin::track_signup(&app.http, &account).await;

    app.mailer.send_service_mail(
        &account.email,
        "Welcome to Zaurus",
        format!(
            "Hello {},\n\nyour Zaurus account is ready. \
             Open the app to start your first conversation.",
            account.display_name
        ),
    )?;
    tracing::info!(account_id = account.id, "account registered");
    Ok((
        StatusCode::CREATED,
        Json(Registered {
            account_id: account.id,
        }),
    ))
}

/// Puts a new user on the newsletter list.
///
/// Growth wanted every new account on the list "with an unsubscribe link, so it's fine": the
/// opt-in box is recorded but never looked at.
#[cfg(not(feature = "compliant"))]
async fn enrol_in_newsletter(app: &AppState, account: &Account) -> Result<(), AppError> {
    newsletter::add_subscriber(&app.db, &app.data_key, account.id, &account.email).await?; //~ zaurus/newsletter-requires-consent baseline/marketing-without-consent zaurus/contact-details-purpose
    Ok(())
}

/// Puts a new user on the newsletter list if they ticked the box, and sends the double opt-in
/// mail.
#[cfg(feature = "compliant")]
async fn enrol_in_newsletter(app: &AppState, account: &Account) -> Result<(), AppError> {
    if app.consent.has_newsletter_consent(account.id).await {
        newsletter::add_subscriber(&app.db, &app.data_key, account.id, &account.email).await?;
        let token = storage::random_token(&app.db).await?;
        app.mailer.send_newsletter_confirmation(
            &account.email,
            &format!("https://www.zaurus.nl/newsletter/confirm?token={token}"),
        )?;
    }
    Ok(())
}

/// `GET /v1/me`: the profile, for the settings screen.
pub async fn me(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Account>, AppError> {
    Ok(Json(super::current_account(&app, &headers).await?))
}

/// `DELETE /v1/newsletter/subscription`: the unsubscribe link.
pub async fn unsubscribe(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<StatusCode, AppError> {
    let account = super::current_account(&app, &headers).await?;
    app.consent
        .record(account.id, Purpose::Newsletter, false)
        .await?;
    newsletter::remove_subscriber(&app.db, account.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /v1/me`: closes the account and deletes its data.
pub async fn close_account(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<StatusCode, AppError> {
    let account = super::current_account(&app, &headers).await?;
    storage::erase_account(&app.db, &app.http, account.id).await?;
    tracing::info!(account_id = account.id, "account closed and erased");
    Ok(StatusCode::NO_CONTENT)
}
