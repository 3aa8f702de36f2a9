//! Support-ticket and subscription backend of Visual Systems (the Netherlands): the order form
//! for software subscriptions with monthly invoicing and SEPA direct debit, the customer portal
//! with the helpdesk, training and event registrations, the newsletter, and website statistics.
//!
//! Follows the Visual Systems "Privacyverklaring" (versie 1.3, 23 mei 2018,
//! `rules/statements/visual-systems.txt`), checked by `cargo privflow` with the `visual-systems`
//! and `baseline` packs.

mod consent;
mod crypto;
mod db;
mod handlers;
mod integrations;
mod jobs;
mod models;

use axum::routing::{delete, get, post};
use axum::Router;

use crate::integrations::analytics::GoogleAnalytics;
use crate::integrations::assistant_dataset::AssistantDataset;
use crate::integrations::mailer::Mailer;
use crate::integrations::payments::Mollie;

/// Everything a handler needs; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: db::Db,
    pub mailer: Mailer,
    pub mollie: Mollie,
    pub ga: GoogleAnalytics,
    pub dataset: AssistantDataset,
}

fn env(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

fn router(state: AppState) -> Router {
    Router::new()
        .route("/abonnement", post(handlers::sign_up))
        .route("/portaal/inloggen", post(handlers::log_in))
        .route("/portaal/tickets", post(handlers::open_ticket))
        .route(
            "/portaal/tickets/:id/berichten",
            post(handlers::customer_reply),
        )
        .route("/portaal/collect", post(handlers::portal_page_view))
        .route(
            "/helpdesk/tickets/:id/antwoord",
            post(handlers::agent_reply),
        )
        .route(
            "/evenementen/:code/inschrijvingen",
            post(handlers::register_for_event),
        )
        .route("/nieuwsbrief", post(handlers::subscribe))
        .route(
            "/nieuwsbrief/bevestigen/:token",
            get(handlers::confirm_subscription),
        )
        .route("/nieuwsbrief/afmelden/:token", get(handlers::unsubscribe))
        .route("/admin/nieuwsbrief", post(handlers::send_newsletter))
        .route(
            "/admin/productaankondiging",
            post(handlers::announce_product),
        )
        .route("/admin/facturatie", post(handlers::run_invoicing))
        .route("/admin/onderhoud", post(handlers::maintenance))
        .route("/admin/klanten/:id", delete(handlers::erase_customer))
        .with_state(state)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let http = reqwest::Client::builder()
        .user_agent("visualsystems-support/1.0")
        .build()?;
    let state = AppState {
        db: db::open(&env("DATABASE_PATH", "/var/lib/vs-support/support.db"))?,
        mailer: Mailer::new(
            &env("SMTP_HOST", "smtp.internal.visualsystems.nl"),
            env("PORTAL_URL", "https://portaal.visualsystems.nl"),
        ),
        mollie: Mollie::new(http.clone(), env("MOLLIE_API_KEY", "")),
        ga: GoogleAnalytics::new(
            http.clone(),
            env("GA_MEASUREMENT_ID", "G-0000000000"),
            env("GA_API_SECRET", ""),
        ),
        dataset: AssistantDataset::new(
            http.clone(),
            env(
                "ASSISTANT_BUCKET",
                "https://storage.googleapis.com/vs-helpdesk-assistant-europe-west4",
            ),
            env("GCS_TOKEN", ""),
        ),
    };

    let listener = tokio::net::TcpListener::bind(env("LISTEN", "0.0.0.0:8080")).await?;
    tracing::info!("listening");
    axum::serve(listener, router(state)).await?;
    Ok(())
}
