//! One error type for the HTTP API.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::integrations::mailer::MailError;

#[derive(Debug)]
pub enum AppError {
    Database(sqlx::Error),
    Upstream(reqwest::Error),
    Mail(MailError),
    Unauthenticated,
    NotFound,
    Rejected,
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::Database(e) => write!(f, "database: {e}"),
            AppError::Upstream(e) => write!(f, "upstream service: {e}"),
            AppError::Mail(e) => write!(f, "mail relay: {e}"),
            AppError::Unauthenticated => f.write_str("no authenticated account"),
            AppError::NotFound => f.write_str("not found"),
            AppError::Rejected => f.write_str("rejected by the risk check"),
        }
    }
}

impl std::error::Error for AppError {}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Database(e)
    }
}

impl From<reqwest::Error> for AppError {
    fn from(e: reqwest::Error) -> Self {
        AppError::Upstream(e)
    }
}

impl From<MailError> for AppError {
    fn from(e: MailError) -> Self {
        AppError::Mail(e)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Rejected => StatusCode::FORBIDDEN,
            AppError::Database(_) | AppError::Upstream(_) | AppError::Mail(_) => {
                tracing::error!(error = %self, "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        status.into_response()
    }
}
