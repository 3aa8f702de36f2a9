//! One error type for the HTTP layer.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
pub enum AppError {
    Database(sqlx::Error),
    Upstream(reqwest::Error),
    Mail(String),
    Storage(std::io::Error),
    NotFound,
    Unauthorized,
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AppError::Mail(reason) => return write!(f, "mail delivery error: {reason}"),
            AppError::Database(_) => "database error",
            AppError::Upstream(_) => "upstream service error",
            AppError::Storage(_) => "file storage error",
            AppError::NotFound => "not found",
            AppError::Unauthorized => "unauthorized",
        })
    }
}

impl std::error::Error for AppError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AppError::Database(e) => Some(e),
            AppError::Upstream(e) => Some(e),
            AppError::Storage(e) => Some(e),
            AppError::Mail(_) | AppError::NotFound | AppError::Unauthorized => None,
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => AppError::NotFound,
            other => AppError::Database(other),
        }
    }
}

impl From<reqwest::Error> for AppError {
    fn from(e: reqwest::Error) -> Self {
        AppError::Upstream(e)
    }
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        AppError::Storage(e)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Upstream(_) | AppError::Mail(_) => StatusCode::BAD_GATEWAY,
            AppError::Database(_) | AppError::Storage(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        // The error's text may quote a parameter; the client gets the status only.
        tracing::warn!(status = status.as_u16(), "request failed");
        status.into_response()
    }
}

pub type AppResult<T> = Result<T, AppError>;
