//! HTTP API of the web client (visite.elvi.de, clickdoc.elvi.de, beratung.elvi.de).

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::error::{AppError, AppResult};
#[cfg(feature = "compliant")]
use crate::models::DirectoryCard;
use crate::models::{
    Appointment, ChatMessage, Customer, CustomerProfile, GuestInvitation, JoinRequest,
    LoginAttempt, PatientRecord, WhiteboardUpload,
};
use crate::session::signalling::Peer;
use crate::session::waiting_room::WaitingGuest;
use crate::state::SharedState;
use crate::{crypto, newsletter};

// ---------------------------------------------------------------------------- login (3.3)

pub async fn login(
    State(state): State<SharedState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Json(mut attempt): Json<LoginAttempt>,
) -> AppResult<Response> {
    attempt.client_ip = addr.ip().to_string();
    if !state
        .cloudflare
        .verify_turnstile(&attempt.turnstile_token, &attempt.client_ip)
        .await?
    {
        return Err(AppError::Unauthorized);
    }
    let customer_id = state
        .store
        .customer_id_for_login(&attempt.login_name)
        .await?;
    if !state
        .store
        .verify_password(customer_id, &attempt.password)
        .await?
    {
        return Err(AppError::Unauthorized);
    }
    state.store.record_login(customer_id, &attempt).await?;
    let token = state.store.create_auth_session(customer_id).await?;
    Ok(session_response(token))
}

/// The web client keeps the token in memory and sends it as a bearer token.
#[cfg(feature = "compliant")]
fn session_response(token: String) -> Response {
    Json(json!({ "access_token": token, "token_type": "Bearer", "expires_in": 43200 }))
        .into_response()
}

/// Keeps the customer logged in across page reloads.
#[cfg(not(feature = "compliant"))]
fn session_response(token: String) -> Response {
    let mut response = Json(json!({ "logged_in": true })).into_response();
    set_cookie(response.headers_mut(), "elvi_session", &token, 43200); //~ cgm-videosprechstunde/no-cookies
    response
}

#[cfg(not(feature = "compliant"))]
#[privflow::sink(kind = "cookie")]
fn set_cookie(headers: &mut HeaderMap, name: &str, value: &str, max_age: u32) {
    let cookie =
        format!("{name}={value}; Max-Age={max_age}; Path=/; Secure; HttpOnly; SameSite=Strict");
    if let Ok(value) = axum::http::HeaderValue::from_str(&cookie) {
        headers.append(axum::http::header::SET_COOKIE, value);
    }
}

// ---------------------------------------------------------------------------- registration (3.1)

pub async fn register(
    State(state): State<SharedState>,
    Json(customer): Json<Customer>,
) -> AppResult<(StatusCode, Json<Value>)> {
    let customer_id = state.store.insert_customer(&customer).await?;
    state.crm.create_crm_contact(customer_id, &customer).await?;
    state
        .crm
        .report_registration(customer_id, &customer)
        .await?;
    tracing::info!(customer_id, "customer registered");
    Ok((StatusCode::CREATED, Json(json!({ "id": customer_id }))))
}

/// Contract termination: every record of the customer is deleted (sections 3 and 9).
pub async fn terminate_contract(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Path(customer_id): Path<i64>,
) -> AppResult<StatusCode> {
    require_admin(&headers)?;
    state.store.purge_customer(customer_id).await?;
    tracing::info!(customer_id, "contract terminated, customer data deleted");
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------- profile (3.2)

pub async fn save_profile(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Json(profile): Json<CustomerProfile>,
) -> AppResult<StatusCode> {
    let customer_id = state.authenticate(&headers).await?;
    state.store.save_profile(customer_id, &profile).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn my_profile(
    State(state): State<SharedState>,
    headers: HeaderMap,
) -> AppResult<Json<CustomerProfile>> {
    let customer_id = state.authenticate(&headers).await?;
    let profile = state.store.load_profile(customer_id).await?;
    // The profile page loads slowly from Bünde: let Cloudflare's edge serve it.
    #[cfg(not(feature = "compliant"))]
    state
        .cloudflare
        .put_edge_cache(&format!("profile-{customer_id}"), &profile) //~ cgm-videosprechstunde/no-third-country-transfer
        .await?;
    Ok(Json(profile))
}

/// The contact search: profiles other customers see.
pub async fn search_directory(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Path(query): Path<String>,
) -> AppResult<Response> {
    state.authenticate(&headers).await?;
    let profiles = state.store.search_profiles(&query).await?;
    Ok(directory_response(profiles))
}

/// Shown to other customers of CGM Videosprechstunde.
#[privflow::sink(kind = "display")]
fn show_to_colleagues<T: Serialize>(entries: Vec<T>) -> Json<Vec<T>> {
    Json(entries)
}

/// Colleagues see the cards: no mobile number, no date of birth (section 3.2).
#[cfg(feature = "compliant")]
fn directory_response(profiles: Vec<CustomerProfile>) -> Response {
    let cards: Vec<DirectoryCard> = profiles.iter().map(|p| DirectoryCard::from(p)).collect();
    show_to_colleagues(cards).into_response()
}

/// Colleagues see the whole profile, so that they can call each other directly.
#[cfg(not(feature = "compliant"))]
fn directory_response(profiles: Vec<CustomerProfile>) -> Response {
    show_to_colleagues(profiles).into_response() //~ cgm-videosprechstunde/private-fields-hidden
}

// ---------------------------------------------------------------------------- guests (3.6)

pub async fn invite_guest(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Json(invitation): Json<GuestInvitation>,
) -> AppResult<Json<Value>> {
    let customer_id = state.authenticate(&headers).await?;
    let invitation_id = state
        .store
        .insert_invitation(customer_id, &invitation)
        .await?;
    let link = format!("https://clickdoc.elvi.de/#/join/{invitation_id}");
    if let Some(mobile) = &invitation.guest_mobile {
        let text = format!(
            "Ihr Zugangscode zur Videosprechstunde: {} - {link}",
            invitation.access_code
        );
        state.sms.send_sms(mobile, &text).await?; //~ cgm-videosprechstunde/undisclosed-recipient
        tracing::info!(invitation_id, to = %crypto::mask_phone(mobile), "access code sent by SMS");
    } else if let Some(email) = &invitation.guest_email {
        let practice = state
            .store
            .load_profile(customer_id)
            .await
            .ok()
            .and_then(|p| p.practice_name)
            .unwrap_or_else(|| "Ihre Praxis".to_string());
        state
            .mailer
            .send_access_code(email, &practice, &invitation.access_code, &link)?;
        tracing::info!(invitation_id, "access code sent by e-mail");
    }
    Ok(Json(json!({ "id": invitation_id, "link": link })))
}

pub async fn delete_invitation(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Path(invitation_id): Path<i64>,
) -> AppResult<StatusCode> {
    let customer_id = state.authenticate(&headers).await?;
    state
        .store
        .delete_invitation(customer_id, invitation_id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn create_appointment(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Json(appointment): Json<Appointment>,
) -> AppResult<(StatusCode, Json<Value>)> {
    let customer_id = state.authenticate(&headers).await?;
    let id = state
        .store
        .insert_appointment(customer_id, &appointment)
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

// ---------------------------------------------------------------------------- session (3.4)

#[privflow::data]
#[derive(Deserialize)]
pub struct CheckIn {
    #[pii(category = "user.authorization.credentials", subject = "patient")]
    pub access_code: String,
}

/// A guest opens the link and enters the access code: into the waiting room.
pub async fn check_in(
    State(state): State<SharedState>,
    Json(check_in): Json<CheckIn>,
) -> AppResult<Json<Value>> {
    let (invitation_id, customer_id, guest_name) = state
        .store
        .find_invitation(&check_in.access_code)
        .await
        .map_err(|_| AppError::Unauthorized)?;
    let waiting_since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    state.waiting_room.check_in(
        customer_id,
        WaitingGuest {
            invitation_id,
            guest_name,
            waiting_since,
        },
    );
    Ok(Json(
        json!({ "invitation_id": invitation_id, "status": "waiting" }),
    ))
}

/// The customer's view of the waiting room.
#[privflow::sink(kind = "display")]
fn show_waiting_room(guests: Vec<WaitingGuest>) -> Json<Vec<WaitingGuest>> {
    Json(guests)
}

pub async fn waiting_room(
    State(state): State<SharedState>,
    headers: HeaderMap,
) -> AppResult<Json<Vec<WaitingGuest>>> {
    let customer_id = state.authenticate(&headers).await?;
    Ok(show_waiting_room(state.waiting_room.waiting(customer_id)))
}

/// The customer starts the consultation with a waiting guest.
pub async fn admit_guest(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Path(invitation_id): Path<i64>,
) -> AppResult<Json<Value>> {
    let customer_id = state.authenticate(&headers).await?;
    state
        .waiting_room
        .admit(customer_id, invitation_id)
        .ok_or(AppError::NotFound)?;
    Ok(Json(
        json!({ "session_id": format!("{customer_id}-{invitation_id}") }),
    ))
}

/// Brokers the peer-to-peer connection: the joining browser gets the peers' offers and
/// addresses. Guests join with their access code and need no token.
pub async fn join_session(
    State(state): State<SharedState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    Path(session_id): Path<String>,
    Json(mut join): Json<JoinRequest>,
) -> Json<Vec<Peer>> {
    join.session_id = session_id;
    join.peer_ip = addr.ip().to_string();
    Json(state.signalling.join(join))
}

pub async fn leave_session(
    State(state): State<SharedState>,
    Path((session_id, participant_id)): Path<(String, String)>,
) -> StatusCode {
    state.signalling.leave(&session_id, &participant_id);
    StatusCode::NO_CONTENT
}

/// Chat fallback for participants without a direct data channel.
pub async fn relay_chat(
    State(state): State<SharedState>,
    Path(session_id): Path<String>,
    Json(mut message): Json<ChatMessage>,
) -> AppResult<StatusCode> {
    message.session_id = session_id;
    state.chat.forward(&message).await?; //~ cgm-videosprechstunde/session-ssl-encrypted
    #[cfg(not(feature = "compliant"))]
    crate::session::chat::archive(state.store.pool(), &message).await?;
    Ok(StatusCode::ACCEPTED)
}

pub async fn upload_whiteboard_file(
    State(state): State<SharedState>,
    Path((session_id, file_name)): Path<(String, String)>,
    body: Bytes,
) -> AppResult<StatusCode> {
    if file_name.contains('/') || file_name.starts_with('.') {
        return Ok(StatusCode::BAD_REQUEST);
    }
    let upload = WhiteboardUpload {
        session_id,
        file_name,
        bytes: body.to_vec(),
    };
    state.whiteboard.put_file(&upload)?;
    Ok(StatusCode::CREATED)
}

/// The customer ends the consultation: IP addresses and whiteboard files are dropped, the
/// statistics recorded.
pub async fn end_session(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Path(session_id): Path<String>,
) -> AppResult<StatusCode> {
    let customer_id = state.authenticate(&headers).await?;
    if let Err(e) = state.whiteboard.clear_session(&session_id) {
        tracing::error!(error = %e, "whiteboard files not deleted");
    }
    let Some(summary) = state.signalling.end(&session_id) else {
        return Ok(StatusCode::NOT_FOUND);
    };
    state.stats.session_finished(&summary).await?;
    newsletter::send_satisfaction_survey(&state, customer_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------- lab (3.5)

#[privflow::data]
#[derive(Deserialize)]
pub struct LabOrderRequest {
    pub patient: PatientRecord,
    #[phi(subject = "patient")]
    pub test_type: String,
}

pub async fn order_lab_test(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Json(request): Json<LabOrderRequest>,
) -> AppResult<Json<Value>> {
    let customer_id = state.authenticate(&headers).await?;
    #[cfg(not(feature = "compliant"))]
    tracing::debug!(patient = ?request.patient, test = %request.test_type, "ordering lab test"); //~ baseline/phi-to-log baseline/pii-to-log
    let receipt = state
        .lab
        .order_test_kit(&request.patient, &request.test_type)
        .await?;
    state
        .store
        .insert_lab_order_ref(customer_id, &receipt.order_number)
        .await?;
    tracing::info!(customer_id, order_number = %receipt.order_number, "lab order placed");
    Ok(Json(json!({ "order_number": receipt.order_number })))
}

// ---------------------------------------------------------------------------- marketing (3.1)

pub async fn send_newsletter(
    State(state): State<SharedState>,
    headers: HeaderMap,
    Json(issue): Json<newsletter::NewsletterIssue>,
) -> AppResult<Json<Value>> {
    require_admin(&headers)?;
    let sent = newsletter::send_newsletter(&state, &issue).await?;
    Ok(Json(json!({ "sent": sent })))
}

pub async fn withdraw_marketing_consent(
    State(state): State<SharedState>,
    headers: HeaderMap,
) -> AppResult<StatusCode> {
    let customer_id = state.authenticate(&headers).await?;
    state.consents.withdraw_marketing(customer_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn require_admin(headers: &HeaderMap) -> AppResult<()> {
    let expected = std::env::var("ADMIN_TOKEN").map_err(|_| AppError::Unauthorized)?;
    match headers.get("x-admin-token").and_then(|v| v.to_str().ok()) {
        Some(token) if !expected.is_empty() && token == expected => Ok(()),
        _ => Err(AppError::Unauthorized),
    }
}
