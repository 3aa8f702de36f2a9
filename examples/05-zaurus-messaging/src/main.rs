//! Zaurus API: the server behind the Zaurus communication platform, a secure digital consulting
//! room in which clinicians and patients exchange messages and files.
//!
//! Privacy statement: Zaurus B.V. (Alkmaar), June 2020 — `rules/statements/zaurus.txt`,
//! checked by the `zaurus` rule pack. See README.md for the planted violations and the
//! `compliant` feature that fixes them.

mod consent;
mod crypto;
mod error;
mod handlers;
mod integrations;
mod models;
mod privacy;
mod storage;

use std::sync::Arc;

use axum::routing::{delete, get, post, put};
use axum::Router;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

use crate::consent::ConsentService;
use crate::crypto::DataKey;
use crate::integrations::mailer::Mailer;
use crate::integrations::sentry::SentryDsn;

/// Settings read from the environment at start-up.
pub struct Config {
    pub database_url: String,
    pub smtp_relay: String,
    pub ga_tracking_id: String,
    pub listen: String,
}

impl Config {
    fn from_env() -> Self {
        let var =
            |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_string());
        Config {
            database_url: var(
                "DATABASE_URL",
                "postgres://zaurus@db.eu-central-1.zaurus.internal/zaurus",
            ),
            smtp_relay: var("SMTP_RELAY", "localhost"),
            ga_tracking_id: var("GA_TRACKING_ID", "UA-00000000-1"),
            listen: var("LISTEN", "0.0.0.0:8080"),
        }
    }
}

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
    pub http: reqwest::Client,
    pub mailer: Arc<Mailer>,
    pub consent: ConsentService,
    pub data_key: DataKey,
    pub sentry: SentryDsn,
    pub config: Arc<Config>,
}

fn router(state: AppState) -> Router {
    Router::new()
        .route("/v1/accounts", post(handlers::accounts::register))
        .route(
            "/v1/me",
            get(handlers::accounts::me).delete(handlers::accounts::close_account),
        )
        .route(
            "/v1/newsletter/subscription",
            delete(handlers::accounts::unsubscribe),
        )
        .route("/v1/invitations", post(handlers::invitations::invite))
        .route(
            "/v1/threads/:thread_id/messages",
            post(handlers::messages::post_message),
        )
        .route(
            "/v1/threads/:thread_id/draft",
            put(handlers::messages::save_draft),
        )
        .route(
            "/v1/threads/:thread_id/attachments",
            post(handlers::messages::upload_attachment),
        )
        .route("/web/collect", post(handlers::website::collect))
        .with_state(state)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Arc::new(Config::from_env());
    let db = PgPoolOptions::new()
        .max_connections(20)
        .connect_lazy(&config.database_url)?;
    let http = reqwest::Client::builder()
        .user_agent("zaurus-api/1.0")
        .build()?;
    let sentry =
        SentryDsn::parse(&std::env::var("SENTRY_DSN").unwrap_or_default()).unwrap_or(SentryDsn {
            public_key: String::new(),
            host: "o0.ingest.de.sentry.io".to_string(),
            project_id: "0".to_string(),
        });
    let state = AppState {
        consent: ConsentService::new(db.clone()),
        mailer: Arc::new(Mailer::new(&config.smtp_relay)?),
        data_key: DataKey::from_env()?,
        db,
        http,
        sentry,
        config: config.clone(),
    };

    let listener = tokio::net::TcpListener::bind(&config.listen).await?;
    tracing::info!(listen = %config.listen, "zaurus api listening");
    axum::serve(listener, router(state)).await?;
    Ok(())
}
