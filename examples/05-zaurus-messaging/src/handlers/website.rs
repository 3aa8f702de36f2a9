//! Endpoints of www.zaurus.nl.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;

use crate::consent::analytics_cookies_accepted;
use crate::integrations::google_analytics;
use crate::models::PageView;
use crate::privacy::client_ip;
use crate::AppState;

/// What the page's beacon script posts.
#[derive(Debug, Deserialize)]
pub struct Beacon {
    pub client_id: String,
    pub path: String,
    pub title: String,
}

/// `POST /web/collect`: a page view, forwarded to Google Analytics if the visitor accepted
/// analytics cookies.
pub async fn collect(
    State(app): State<AppState>,
    headers: HeaderMap,
    Json(beacon): Json<Beacon>,
) -> StatusCode {
    if !analytics_cookies_accepted(&headers) {
        return StatusCode::NO_CONTENT;
    }
    let hit = PageView {
        client_id: beacon.client_id,
        ip: client_ip(&headers),
        path: beacon.path,
        title: beacon.title,
    };
    if let Err(err) =
        google_analytics::forward_page_view(&app.http, &app.config.ga_tracking_id, &hit).await
    {
        tracing::debug!(error = %err, "page view not forwarded");
    }
    StatusCode::NO_CONTENT
}
