//! CloudVisit telemedicine portal (Cold Spring, NY): the API behind the patient apps and the
//! provider console, plus the shared core of the mobile apps.
//!
//! Privacy statement: CloudVisit's Datenschutzerklärung of 17. September 2017 (German
//! translation), checked with `cargo privflow` and the `cloudvisit` rule pack. The planted
//! violations carry a trailing marker comment naming the rules they break (see README.md);
//! `--features compliant` builds the fixed variant.

pub mod access;
pub mod consent;
pub mod crypto;
pub mod db;
pub mod handlers;
pub mod integrations;
pub mod jobs;
pub mod mobile;
pub mod models;
pub mod notify;
pub mod provider_console;

use axum::routing::{get, post, put};
use axum::Router;

pub use handlers::AppState;

/// The portal's routes.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/api/patients", post(handlers::register))
        .route(
            "/api/patients/:id/consents/marketing",
            put(handlers::set_marketing_consent),
        )
        .route("/api/visits/:id", get(handlers::get_visit))
        .route("/api/visits/:id/draft", put(handlers::save_draft))
        .route("/api/visits/:id/complete", post(handlers::complete_visit))
        .route("/api/visits/:id/reminder", post(handlers::send_reminder))
        .route("/api/visits/:id/payment", post(handlers::pay_visit))
        .route("/api/visits/:id/share", post(handlers::share_visit))
        .route("/provider/:id/waiting-room", get(handlers::waiting_room))
        .route("/internal/jobs/archive", post(handlers::run_archive_job))
        .route(
            "/internal/jobs/marketing",
            post(handlers::run_marketing_job),
        )
        .route(
            "/internal/jobs/family-newsletter",
            post(handlers::run_family_newsletter_job),
        )
        .with_state(state)
}
