//! The shared core of the iOS and Android apps (built into them through UniFFI): talks to the
//! portal API and keeps an offline cache on the phone so that the next appointment can be
//! shown without a connection.

pub mod offline_cache;

use crate::models::Visit;

pub use offline_cache::OfflineCache;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The app's API client, with the session of the logged-in patient.
pub struct PortalClient {
    http: reqwest::Client,
    base_url: String,
    session_token: String,
}

impl PortalClient {
    pub fn new(base_url: &str, session_token: &str) -> Self {
        PortalClient {
            http: reqwest::Client::new(),
            base_url: base_url.trim_end_matches('/').to_string(),
            session_token: session_token.to_string(),
        }
    }

    /// `GET /api/visits/:id`
    pub async fn fetch_visit(&self, visit_id: i64) -> Result<Visit, BoxError> {
        let visit = self
            .http
            .get(format!("{}/api/visits/{visit_id}", self.base_url))
            .bearer_auth(&self.session_token)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(visit)
    }
}

/// Opens a visit in the app: fetches it and refreshes the offline copy.
#[cfg(not(feature = "compliant"))]
pub async fn open_visit(
    api: &PortalClient,
    cache: &OfflineCache,
    visit_id: i64,
) -> Result<Visit, BoxError> {
    let visit: Visit = api.fetch_visit(visit_id).await?;
    // Careless: "make the visit summary readable offline" caches the whole visit, clinical
    // notes and diagnoses included, in the app's SQLite file.
    let json = serde_json::to_string(&visit)?;
    cache.put(&format!("visit:{visit_id}"), &json)?; //~ cloudvisit/phi-not-on-device
    Ok(visit)
}

/// Opens a visit in the app: fetches it and refreshes the offline appointment card. The
/// clinical content is only ever held in memory while the screen is open.
#[cfg(feature = "compliant")]
pub async fn open_visit(
    api: &PortalClient,
    cache: &OfflineCache,
    visit_id: i64,
) -> Result<Visit, BoxError> {
    let visit: Visit = api.fetch_visit(visit_id).await?;
    let card = crate::models::AppointmentCard::for_visit(&visit);
    let json = serde_json::to_string(&card)?;
    cache.put(&format!("appointment:{visit_id}"), &json)?;
    Ok(visit)
}
