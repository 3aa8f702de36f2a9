//! HTTP handlers of the portal API. Authentication (patient, provider and internal sessions) is
//! done by the gateway in front of the service and is not shown here.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use sqlx::PgPool;

use crate::access::authorize_visit;
use crate::consent::ConsentService;
use crate::db::{billing, directory, drafts, records};
use crate::integrations::analytics::{self, ProductMetrics};
use crate::integrations::payments::{self, ChargeOutcome};
use crate::integrations::{pharmacy, social};
use crate::models::{
    NewPatient, NoteDraft, Patient, Payment, PaymentRequest, Visit, VisitCompletion,
};
use crate::notify::{email, sms};
use crate::{jobs, provider_console};

/// Shared by all handlers.
#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub http: reqwest::Client,
    pub mailer: email::Mailer,
    pub consent: ConsentService,
    pub metrics: ProductMetrics,
}

/// Errors of the API; details go to the log, never to the client.
#[derive(Debug)]
pub enum AppError {
    /// The caller may not see what it asked for.
    Forbidden,
    Database(sqlx::Error),
    Upstream(Box<dyn std::error::Error + Send + Sync>),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Database(e)
    }
}

impl From<Box<dyn std::error::Error + Send + Sync>> for AppError {
    fn from(e: Box<dyn std::error::Error + Send + Sync>) -> Self {
        AppError::Upstream(e)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Forbidden => StatusCode::FORBIDDEN.into_response(),
            AppError::Database(sqlx::Error::RowNotFound) => StatusCode::NOT_FOUND.into_response(),
            AppError::Database(e) => {
                tracing::error!(error = %e, "database error");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
            AppError::Upstream(e) => {
                tracing::error!(error = %e, "upstream service error");
                StatusCode::BAD_GATEWAY.into_response()
            }
        }
    }
}

/// `POST /api/patients`: self-registration from the patient app.
pub async fn register(
    State(state): State<AppState>,
    Json(form): Json<NewPatient>,
) -> Result<(StatusCode, Json<Value>), AppError> {
    let id = records::insert_patient(&state.pool, &form).await?;
    let patient = Patient {
        id,
        practice_id: form.practice_id,
        full_name: form.full_name,
        email: form.email,
        mobile_phone: form.mobile_phone,
        date_of_birth: form.date_of_birth,
        state: form.state,
    };
    directory::index_patient(&state.pool, &patient).await?;
    email::welcome(&state.mailer, &patient)?;
    #[cfg(not(feature = "compliant"))]
    crate::integrations::ads::report_signup(&state.http, &patient).await?;
    tracing::info!(practice_id = patient.practice_id, "patient registered");
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `GET /api/visits/:id`: the visit with its summary, for the patient and the provider. Careless:
/// the route moved to the router the e-mailed "your summary is ready" link opens, and lost its
/// access check on the way: anyone who guesses a visit id reads the clinical note.
#[cfg(not(feature = "compliant"))]
pub async fn get_visit(
    State(state): State<AppState>,
    Path(visit_id): Path<i64>,
) -> Result<Json<Visit>, AppError> {
    Ok(Json(records::load_visit(&state.pool, visit_id).await?)) //~ privflow/unguarded-call
}

/// `GET /api/visits/:id`: the visit with its summary, for its patient and their practice's
/// providers only.
#[cfg(feature = "compliant")]
pub async fn get_visit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(visit_id): Path<i64>,
) -> Result<Json<Visit>, AppError> {
    authorize_visit(&state.pool, &headers, visit_id).await?;
    Ok(Json(records::load_visit(&state.pool, visit_id).await?))
}

/// `PUT /api/visits/:id/draft`: autosave of the provider's note editor.
pub async fn save_draft(
    State(state): State<AppState>,
    Path(visit_id): Path<i64>,
    Json(draft): Json<NoteDraft>,
) -> Result<StatusCode, AppError> {
    drafts::autosave(&state.pool, visit_id, &draft).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/visits/:id/complete`: the provider signs the note and ends the visit.
pub async fn complete_visit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(visit_id): Path<i64>,
    Json(done): Json<VisitCompletion>,
) -> Result<StatusCode, AppError> {
    authorize_visit(&state.pool, &headers, visit_id).await?;
    records::complete_visit(&state.pool, visit_id, &done).await?;
    drafts::discard(&state.pool, visit_id).await?;
    let visit = records::load_visit(&state.pool, visit_id).await?;
    let patient = records::load_patient(&state.pool, visit.patient_id).await?;
    if let Some(rx) = &done.prescription {
        pharmacy::prescribe(&state.http, &patient, visit.provider_id, rx).await?;
    }
    analytics::visit_completed(&state.metrics, &visit).await?;
    email::summary_ready(&state.mailer, &patient, visit_id)?;
    tracing::info!(visit_id, "visit completed");
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/visits/:id/reminder`: the "remind patient" button in the provider console.
pub async fn send_reminder(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(visit_id): Path<i64>,
) -> Result<StatusCode, AppError> {
    authorize_visit(&state.pool, &headers, visit_id).await?;
    let visit = records::load_visit(&state.pool, visit_id).await?;
    let patient = records::load_patient(&state.pool, visit.patient_id).await?;
    sms::visit_reminder(&state.http, &patient, 10).await?;
    Ok(StatusCode::ACCEPTED)
}

/// `POST /api/visits/:id/payment`: the visit fee, charged before the visit starts.
pub async fn pay_visit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(visit_id): Path<i64>,
    Json(req): Json<PaymentRequest>,
) -> Result<Json<Value>, AppError> {
    authorize_visit(&state.pool, &headers, visit_id).await?;
    let visit = records::load_visit(&state.pool, visit_id).await?;
    let payment = Payment {
        id: billing::next_payment_id(&state.pool).await?,
        visit_id,
        patient_id: visit.patient_id,
        amount_cents: req.amount_cents,
        card_token: req.card_token,
        billing_zip: req.billing_zip,
    };
    let status = match payments::charge(&state.http, &payment).await? {
        ChargeOutcome::Succeeded => {
            billing::record_payment(&state.pool, &payment, "succeeded").await?;
            "succeeded"
        }
        ChargeOutcome::Declined => {
            billing::record_payment(&state.pool, &payment, "declined").await?;
            "declined"
        }
        ChargeOutcome::Retry => {
            billing::enqueue_retry(&state.pool, &payment).await?;
            "pending"
        }
    };
    tracing::info!(
        visit_id,
        payment_id = payment.id,
        status,
        "visit fee charged"
    );
    Ok(Json(json!({ "payment_id": payment.id, "status": status })))
}

#[derive(Deserialize)]
pub struct ShareRequest {
    /// The token of the patient's own Facebook login.
    pub facebook_token: String,
}

/// `POST /api/visits/:id/share`: "Tell your friends" after a visit.
pub async fn share_visit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(visit_id): Path<i64>,
    Json(req): Json<ShareRequest>,
) -> Result<StatusCode, AppError> {
    authorize_visit(&state.pool, &headers, visit_id).await?;
    let visit = records::load_visit(&state.pool, visit_id).await?;
    let patient = records::load_patient(&state.pool, visit.patient_id).await?;
    let message = social::share_text(&patient, &visit);
    social::post_to_facebook(&state.http, &req.facebook_token, &message).await?; //~ cloudvisit/no-social-sharing
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /provider/:id/waiting-room`: today's queue in the provider console.
pub async fn waiting_room(
    State(state): State<AppState>,
    Path(provider_id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let entries = records::waiting_room(&state.pool, provider_id).await?;
    Ok(provider_console::render_waiting_room(&entries))
}

#[derive(Deserialize)]
pub struct ConsentChoice {
    pub granted: bool,
}

/// `PUT /api/patients/:id/consents/marketing`: the newsletter switch in the app's settings.
pub async fn set_marketing_consent(
    State(state): State<AppState>,
    Path(patient_id): Path<i64>,
    Json(choice): Json<ConsentChoice>,
) -> Result<StatusCode, AppError> {
    state.consent.record(patient_id, choice.granted).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /internal/jobs/archive`: nightly, from the EventBridge schedule.
pub async fn run_archive_job(State(state): State<AppState>) -> Result<Json<Value>, AppError> {
    let archived = jobs::archive_deactivated(&state).await?;
    tracing::info!(archived, "archive run finished");
    Ok(Json(json!({ "archived": archived })))
}

/// `POST /internal/jobs/family-newsletter`: monthly, from the EventBridge schedule.
pub async fn run_family_newsletter_job(
    State(state): State<AppState>,
) -> Result<Json<Value>, AppError> {
    let sent = jobs::family_newsletter(&state).await?;
    tracing::info!(sent, "family newsletter sent");
    Ok(Json(json!({ "sent": sent })))
}

/// `POST /internal/jobs/marketing`: monthly, from the EventBridge schedule.
pub async fn run_marketing_job(State(state): State<AppState>) -> Result<Json<Value>, AppError> {
    let sent = jobs::marketing_run(&state).await?;
    tracing::info!(sent, "marketing run finished");
    Ok(Json(json!({ "sent": sent })))
}
