//! JiveX web backend of VISUS Health IT GmbH (Bochum): the company website's licence shop, contact
//! form, newsletter and web statistics, and the hosted JiveX PACS (DICOM study metadata, archive
//! and radiology reports). Hosted on AWS in eu-central-1 (Frankfurt).
//!
//! Follows the VISUS privacy statement and public index of procedures (`rules/statements/visus.txt`),
//! checked by `cargo privflow` with the `visus` and `baseline` packs.

mod archive;
mod consent;
mod crypto;
mod db;
mod handlers;
mod integrations;
mod jobs;
mod models;

use axum::routing::{delete, get, post, put};
use axum::Router;

use crate::archive::DicomArchive;
use crate::crypto::ColumnCipher;
use crate::integrations::google_ads::ConversionTracker;
use crate::integrations::google_analytics::GoogleAnalytics;
use crate::integrations::mailer::Mailer;
use crate::integrations::payment::StripeClient;
use crate::integrations::product_feedback::FeedbackBoard;
use crate::integrations::survey::SurveyClient;

/// Everything a handler needs; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: sqlx::PgPool,
    pub cipher: ColumnCipher,
    pub archive: DicomArchive,
    pub stripe: StripeClient,
    pub ga: GoogleAnalytics,
    pub ads: ConversionTracker,
    pub survey: SurveyClient,
    pub feedback: FeedbackBoard,
    pub mailer: Mailer,
}

fn env(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_string())
}

fn router(state: AppState) -> Router {
    Router::new()
        .route("/shop/checkout", post(handlers::checkout))
        .route("/admin/customers/:id", delete(handlers::erase_customer))
        .route("/contact", post(handlers::contact))
        .route("/newsletter", post(handlers::subscribe))
        .route(
            "/newsletter/confirm/:token",
            get(handlers::confirm_subscription),
        )
        .route("/newsletter/unsubscribe/:token", get(handlers::unsubscribe))
        .route("/collect", post(handlers::collect))
        .route("/pacs/:tenant/studies", post(handlers::store_study))
        .route("/pacs/reports", put(handlers::save_report))
        .route("/admin/newsletter", post(handlers::send_newsletter))
        .route("/admin/maintenance", post(handlers::maintenance))
        .with_state(state)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let http = reqwest::Client::builder()
        .user_agent("visus-web/1.0")
        .build()?;
    let state = AppState {
        db: db::connect(&env("DATABASE_URL", "postgres://visus@localhost/visus"))?,
        cipher: ColumnCipher::from_hex(&env("PHI_DATA_KEY", "")),
        archive: DicomArchive::new(http.clone(), env("ARCHIVE_SIGNING_TOKEN", "")),
        stripe: StripeClient::new(http.clone(), env("STRIPE_SECRET_KEY", "")),
        ga: GoogleAnalytics::new(http.clone(), env("GA_TRACKING_ID", "UA-0000000-1")),
        ads: ConversionTracker::new(
            http.clone(),
            env("ADWORDS_CONVERSION_ID", ""),
            env("ADWORDS_CONVERSION_LABEL", "purchase"),
        ),
        survey: SurveyClient::new(
            http.clone(),
            env("SURVEYMONKEY_TOKEN", ""),
            env("SURVEYMONKEY_COLLECTOR", ""),
        ),
        feedback: FeedbackBoard::new(
            http.clone(),
            env("YOUTRACK_URL", "https://youtrack.internal.visus.com"),
            env("YOUTRACK_TOKEN", ""),
        ),
        mailer: Mailer::new(
            &env("SMTP_HOST", "email-smtp.eu-central-1.amazonaws.com"),
            env("PUBLIC_URL", "https://www.visus.com"),
        ),
    };

    let listener = tokio::net::TcpListener::bind(env("LISTEN", "0.0.0.0:8080")).await?;
    tracing::info!("listening");
    axum::serve(listener, router(state)).await?;
    Ok(())
}
