//! Shared application state.

use std::sync::Arc;

use axum::http::{header::AUTHORIZATION, HeaderMap};

use crate::consent::ConsentService;
use crate::db::Store;
use crate::error::{AppError, AppResult};
use crate::integrations::{
    backup::BackupTarget, cloudflare::Cloudflare, crm::Crm, lab::LabClient, mail::Mailer,
    sms::SmsGateway,
};
use crate::session::{
    chat::ChatRelay, signalling::Signalling, waiting_room::WaitingRoom, whiteboard::Whiteboard,
};
use crate::stats::UsageStats;

pub struct AppState {
    pub store: Store,
    pub consents: ConsentService,
    pub mailer: Mailer,
    pub sms: SmsGateway,
    pub lab: LabClient,
    pub cloudflare: Cloudflare,
    pub crm: Crm,
    pub backup: BackupTarget,
    pub stats: UsageStats,
    pub waiting_room: WaitingRoom,
    pub signalling: Signalling,
    pub chat: ChatRelay,
    pub whiteboard: Whiteboard,
}

pub type SharedState = Arc<AppState>;

impl AppState {
    /// The customer behind the request's bearer token. No cookies: the token travels in the
    /// Authorization header (section 4).
    pub async fn authenticate(&self, headers: &HeaderMap) -> AppResult<i64> {
        let token = headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(AppError::Unauthorized)?;
        self.store
            .customer_for_token(token)
            .await
            .map_err(|_| AppError::Unauthorized)
    }
}
