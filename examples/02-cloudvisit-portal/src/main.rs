//! The portal server. Configuration comes from the environment (ECS task definition).

use cloudvisit_portal::consent::ConsentService;
use cloudvisit_portal::integrations::analytics::ProductMetrics;
use cloudvisit_portal::notify::email::Mailer;
use cloudvisit_portal::{app, db, AppState};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let database_url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://portal@localhost:5432/cloudvisit".to_string());
    let relay = std::env::var("SMTP_RELAY").unwrap_or_else(|_| "localhost".to_string());
    let listen = std::env::var("LISTEN_ADDR").unwrap_or_else(|_| "0.0.0.0:8080".to_string());

    let pool = db::connect(&database_url)?;
    let http = reqwest::Client::builder()
        .user_agent("cloudvisit-portal/1")
        .build()?;
    let state = AppState {
        consent: ConsentService::new(pool.clone()),
        metrics: ProductMetrics::new(http.clone()),
        mailer: Mailer::new(&relay),
        pool,
        http,
    };

    let listener = tokio::net::TcpListener::bind(&listen).await?;
    tracing::info!(%listen, "cloudvisit portal listening");
    axum::serve(listener, app(state)).await?;
    Ok(())
}
