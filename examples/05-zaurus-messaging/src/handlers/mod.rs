//! HTTP API of the Zaurus platform (axum). The API gateway in front of it checks the session
//! (username, password and, where needed, a login token) and passes the account id on in
//! `X-Zaurus-Account`.

pub mod accounts;
pub mod invitations;
pub mod messages;
pub mod website;

use axum::http::HeaderMap;

use crate::error::AppError;
use crate::models::Account;
use crate::AppState;

/// The account the gateway authenticated.
pub async fn current_account(app: &AppState, headers: &HeaderMap) -> Result<Account, AppError> {
    let id = headers
        .get("x-zaurus-account")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or(AppError::Unauthenticated)?;
    crate::storage::accounts::find_account(&app.db, &app.data_key, id)
        .await?
        .ok_or(AppError::Unauthenticated)
}
