//! CGM Videosprechstunde / CLICKDOC Videosprechstunde: the server side of La-Well Systems GmbH's
//! browser-based video consultation (appointments, access codes for patients/guests, the waiting
//! room and signalling of the peer-to-peer session, chat fallback, whiteboard, lab orders).
//!
//! An example for privflow: see README.md for the privacy statement it follows and the planted
//! violations (`cargo privflow`), fixed with `--features compliant`.

mod consent;
mod crypto;
mod db;
mod error;
mod handlers;
mod integrations;
mod models;
mod newsletter;
mod session;
mod state;
mod stats;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::routing::{delete, get, post, put};
use axum::Router;

use crate::consent::ConsentService;
use crate::db::Store;
use crate::integrations::{
    backup::BackupTarget, cloudflare::Cloudflare, crm::Crm, lab::LabClient, mail::Mailer,
    sms::SmsGateway,
};
use crate::session::{
    chat::ChatRelay, signalling::Signalling, waiting_room::WaitingRoom, whiteboard::Whiteboard,
};
use crate::state::{AppState, SharedState};
use crate::stats::UsageStats;

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_default()
}

fn router(state: SharedState) -> Router {
    Router::new()
        .route("/api/login", post(handlers::login))
        .route("/api/customers", post(handlers::register))
        .route("/api/customers/:id", delete(handlers::terminate_contract))
        .route(
            "/api/profile",
            get(handlers::my_profile).put(handlers::save_profile),
        )
        .route("/api/directory/:query", get(handlers::search_directory))
        .route("/api/invitations", post(handlers::invite_guest))
        .route("/api/invitations/:id", delete(handlers::delete_invitation))
        .route("/api/appointments", post(handlers::create_appointment))
        .route("/api/waiting-room", get(handlers::waiting_room))
        .route("/api/waiting-room/check-in", post(handlers::check_in))
        .route(
            "/api/waiting-room/:invitation/admit",
            post(handlers::admit_guest),
        )
        .route("/api/sessions/:id/join", post(handlers::join_session))
        .route(
            "/api/sessions/:id/participants/:participant",
            delete(handlers::leave_session),
        )
        .route("/api/sessions/:id/chat", post(handlers::relay_chat))
        .route(
            "/api/sessions/:id/whiteboard/:file",
            put(handlers::upload_whiteboard_file),
        )
        .route("/api/sessions/:id/end", post(handlers::end_session))
        .route("/api/lab-orders", post(handlers::order_lab_test))
        .route(
            "/api/consents/marketing",
            delete(handlers::withdraw_marketing_consent),
        )
        .route("/admin/newsletter", post(handlers::send_newsletter))
        .with_state(state)
}

/// Nightly backup of contract and profile data (section 8).
async fn nightly_backup(state: SharedState) {
    let mut interval = tokio::time::interval(Duration::from_secs(24 * 60 * 60));
    loop {
        interval.tick().await;
        let day = format!(
            "{}",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() / 86_400)
                .unwrap_or_default()
        );
        let (Ok(customers), Ok(profiles)) = (
            state.store.all_customers().await,
            state.store.all_profiles().await,
        ) else {
            tracing::error!("backup skipped: database unavailable");
            continue;
        };
        match state
            .backup
            .upload_snapshot(&day, &customers, &profiles) //~ cgm-videosprechstunde/servers-in-germany
            .await
        {
            Ok(()) => tracing::info!(day = %day, "backup written"),
            Err(e) => tracing::error!(error = %e, "backup failed"),
        }
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(20)
        .connect_lazy(&env("DATABASE_URL"))?;
    let store = Store::new(pool);
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(15))
        .https_only(false)
        .build()?;

    let state = Arc::new(AppState {
        consents: ConsentService::new(store.clone()),
        mailer: Mailer::new("localhost", "CGM Videosprechstunde <noreply@elvi.de>")
            .map_err(|e| format!("mailer: {e:?}"))?,
        sms: SmsGateway::new(http.clone(), env("SMS_API_KEY")),
        lab: LabClient::new(http.clone(), env("IMD_CUSTOMER_NUMBER")),
        cloudflare: Cloudflare::new(
            http.clone(),
            env("TURNSTILE_SECRET"),
            env("CLOUDFLARE_API_TOKEN"),
        ),
        crm: Crm::new(http.clone(), env("FASTBILL_API_KEY")),
        backup: BackupTarget::new(http.clone(), env("BACKUP_ACCESS_KEY")),
        stats: UsageStats::new(http.clone()),
        waiting_room: WaitingRoom::default(),
        signalling: Signalling::default(),
        chat: ChatRelay::new(http),
        whiteboard: Whiteboard::new("/run/videosprechstunde/whiteboard".into()),
        store,
    });

    tokio::spawn(nightly_backup(state.clone()));

    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    tracing::info!("listening on :8080");
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await?;
    Ok(())
}
