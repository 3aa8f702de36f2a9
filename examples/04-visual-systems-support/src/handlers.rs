//! HTTP handlers: order form, customer portal (login, tickets, page views), helpdesk, events,
//! newsletter, and the admin endpoints that trigger batch jobs.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use crate::crypto;
use crate::db;
use crate::jobs::{self, Announcement};
use crate::models::{
    Account, EventRegistration, NewsletterSignup, NewsletterSubscriber, PortalPageView, Session,
    SignupRequest, Subscription, SupportTicket, TicketMessage, TicketStatus,
};
use crate::AppState;

type HandlerResult<T> = Result<T, StatusCode>;

fn db_error(e: rusqlite::Error) -> StatusCode {
    tracing::error!(error = %e, "database error");
    StatusCode::INTERNAL_SERVER_ERROR
}

/// Monthly list price per seat, in cents.
fn price_per_seat(plan: &str) -> Option<i64> {
    match plan {
        "vs-planning-basis" => Some(2_900),
        "vs-planning-pro" => Some(5_900),
        _ => None,
    }
}

/// The portal session of the `vs_session` cookie.
fn session(app: &AppState, headers: &HeaderMap) -> HandlerResult<Session> {
    let token = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(';')
                .find_map(|c| c.trim().strip_prefix("vs_session="))
        })
        .ok_or(StatusCode::UNAUTHORIZED)?;
    db::session_for(&app.db, token)
        .map_err(db_error)?
        .ok_or(StatusCode::UNAUTHORIZED)
}

// ----------------------------------------------------------------------------- order form, login

/// `POST /abonnement`: concludes a subscription: customer, SEPA mandate details, portal account.
pub async fn sign_up(
    State(app): State<AppState>,
    Json(req): Json<SignupRequest>,
) -> HandlerResult<(StatusCode, Json<serde_json::Value>)> {
    let per_seat = price_per_seat(&req.plan).ok_or(StatusCode::UNPROCESSABLE_ENTITY)?;
    let subscription = Subscription {
        id: 0,
        customer_id: 0,
        plan: req.plan,
        seats: req.seats,
        monthly_cents: per_seat * i64::from(req.seats),
        iban: req.iban,
    };
    let account = Account {
        login_email: req.customer.email.clone(),
        password_hash: crypto::hash_password(&req.password),
    };
    let customer_id =
        db::insert_signup(&app.db, &req.customer, &subscription, &account).map_err(db_error)?;
    tracing::info!(customer_id, plan = %subscription.plan, "subscription concluded");
    Ok((
        StatusCode::CREATED,
        Json(json!({ "customer_id": customer_id })),
    ))
}

#[privflow::data]
#[derive(Deserialize)]
pub struct LoginRequest {
    #[pii(
        category = "user.contact.email",
        subject = "customer",
        purposes = ["essential.service.authentication"]
    )]
    pub email: String,
    #[pii(
        category = "user.authorization.credentials",
        subject = "customer",
        purposes = ["essential.service.authentication"]
    )]
    pub password: String,
}

/// `POST /portaal/inloggen`: returns the session cookie.
pub async fn log_in(
    State(app): State<AppState>,
    Json(req): Json<LoginRequest>,
) -> HandlerResult<(HeaderMap, StatusCode)> {
    let (account_id, hash) = db::password_hash_for(&app.db, &req.email)
        .map_err(db_error)?
        .ok_or(StatusCode::UNAUTHORIZED)?;
    if !crypto::verify_password(&req.password, &hash) {
        return Err(StatusCode::UNAUTHORIZED);
    }
    let token = crypto::random_token();
    db::create_session(&app.db, account_id, &token).map_err(db_error)?;
    let mut headers = HeaderMap::new();
    let cookie = format!("vs_session={token}; HttpOnly; Secure; SameSite=Lax; Path=/");
    headers.insert(
        header::SET_COOKIE,
        cookie
            .parse()
            .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?,
    );
    Ok((headers, StatusCode::NO_CONTENT))
}

// ----------------------------------------------------------------------------- portal

/// `POST /portaal/tickets`: a customer reports a problem.
pub async fn open_ticket(
    State(app): State<AppState>,
    headers: HeaderMap,
    Json(mut ticket): Json<SupportTicket>,
) -> HandlerResult<(StatusCode, Json<serde_json::Value>)> {
    let session = session(&app, &headers)?;
    ticket.customer_id = session.customer_id;
    ticket.status = TicketStatus::Open;
    ticket.id = db::insert_ticket(&app.db, &ticket).map_err(db_error)?;
    tracing::info!(ticket = ticket.id, version = %ticket.app_version, "ticket opened");
    let text = "We hebben uw melding ontvangen en nemen zo snel mogelijk contact met u op.";
    if app.mailer.send_ticket_update(&ticket, text).is_err() {
        tracing::warn!(ticket = ticket.id, "confirmation e-mail failed");
    }
    Ok((StatusCode::CREATED, Json(json!({ "ticket": ticket.id }))))
}

/// `POST /portaal/tickets/:id/berichten`: the customer adds to the conversation.
pub async fn customer_reply(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(ticket_id): Path<i64>,
    Json(mut message): Json<TicketMessage>,
) -> HandlerResult<StatusCode> {
    let session = session(&app, &headers)?;
    let ticket = db::ticket(&app.db, ticket_id)
        .map_err(db_error)?
        .filter(|t| t.customer_id == session.customer_id)
        .ok_or(StatusCode::NOT_FOUND)?;
    message.ticket_id = ticket.id;
    message.from_agent = false;
    db::add_message(&app.db, &message).map_err(db_error)?;
    db::set_ticket_status(&app.db, ticket.id, TicketStatus::Open).map_err(db_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /portaal/collect`: a page view in the customer portal, forwarded to Google Analytics.
pub async fn portal_page_view(
    State(app): State<AppState>,
    headers: HeaderMap,
    Json(view): Json<PortalPageView>,
) -> HandlerResult<StatusCode> {
    let session = session(&app, &headers)?;
    let payload = app.ga.page_view(&session, &view);
    let sent = app.ga.send(&payload).await; //~ visual-systems/website-analytics-no-personal-data visual-systems/purpose-limitation
    if sent.is_err() {
        tracing::debug!(path = %view.path, "analytics event dropped");
    }
    Ok(StatusCode::NO_CONTENT)
}

// ----------------------------------------------------------------------------- helpdesk

#[derive(Deserialize)]
pub struct AgentReply {
    pub text: String,
    #[serde(default)]
    pub close: bool,
}

/// `POST /helpdesk/tickets/:id/antwoord`: an agent answers (and possibly closes) a ticket.
pub async fn agent_reply(
    State(app): State<AppState>,
    Path(ticket_id): Path<i64>,
    Json(reply): Json<AgentReply>,
) -> HandlerResult<StatusCode> {
    let ticket = db::ticket(&app.db, ticket_id)
        .map_err(db_error)?
        .ok_or(StatusCode::NOT_FOUND)?;
    let message = TicketMessage {
        ticket_id: ticket.id,
        from_agent: true,
        body: reply.text,
    };
    db::add_message(&app.db, &message).map_err(db_error)?;
    let status = match reply.close {
        true => TicketStatus::Closed,
        false => TicketStatus::WaitingForCustomer,
    };
    db::set_ticket_status(&app.db, ticket.id, status).map_err(db_error)?;
    app.mailer
        .send_ticket_update(&ticket, &message.body)
        .map_err(|_| StatusCode::BAD_GATEWAY)?;
    Ok(StatusCode::NO_CONTENT)
}

// ----------------------------------------------------------------------------- events

/// `POST /evenementen/:code/inschrijvingen`: registration for a training or an event.
pub async fn register_for_event(
    State(app): State<AppState>,
    Path(event_code): Path<String>,
    Json(mut registration): Json<EventRegistration>,
) -> HandlerResult<StatusCode> {
    registration.event_code = event_code;
    registration.id = db::insert_registration(&app.db, &registration).map_err(db_error)?;
    let status = format!(
        "Uw inschrijving voor {} is ontvangen (nummer {}). U ontvangt een week vooraf de \
         praktische informatie.",
        registration.event_code, registration.id
    );
    app.mailer
        .send_registration_status(&registration, &status)
        .map_err(|_| StatusCode::BAD_GATEWAY)?;
    Ok(StatusCode::CREATED)
}

// ----------------------------------------------------------------------------- newsletter

/// `POST /nieuwsbrief`: records the address and sends the double opt-in link.
pub async fn subscribe(
    State(app): State<AppState>,
    Json(signup): Json<NewsletterSignup>,
) -> HandlerResult<StatusCode> {
    let subscriber = NewsletterSubscriber {
        id: 0,
        email: signup.email,
        token: crypto::random_token(),
        confirmed_at: None,
    };
    db::insert_subscriber(&app.db, &subscriber).map_err(db_error)?;
    app.mailer
        .send_newsletter_confirmation(&subscriber)
        .map_err(|_| StatusCode::BAD_GATEWAY)?;
    Ok(StatusCode::ACCEPTED)
}

/// `GET /nieuwsbrief/bevestigen/:token`.
pub async fn confirm_subscription(
    State(app): State<AppState>,
    Path(token): Path<String>,
) -> HandlerResult<&'static str> {
    match db::confirm_subscriber(&app.db, &token).map_err(db_error)? {
        true => Ok("Bedankt, uw inschrijving is bevestigd."),
        false => Err(StatusCode::NOT_FOUND),
    }
}

/// `GET /nieuwsbrief/afmelden/:token`.
pub async fn unsubscribe(
    State(app): State<AppState>,
    Path(token): Path<String>,
) -> HandlerResult<&'static str> {
    db::unsubscribe(&app.db, &token).map_err(db_error)?;
    Ok("U bent afgemeld; uw e-mailadres is verwijderd.")
}

// ----------------------------------------------------------------------------- admin

#[derive(Deserialize)]
pub struct NewsletterIssue {
    pub subject: String,
    pub body: String,
}

/// `POST /admin/nieuwsbrief`: marketing sends an issue.
pub async fn send_newsletter(
    State(app): State<AppState>,
    Json(issue): Json<NewsletterIssue>,
) -> HandlerResult<Json<serde_json::Value>> {
    let sent = jobs::send_newsletter(&app, &issue.subject, &issue.body).map_err(db_error)?;
    Ok(Json(json!({ "sent": sent })))
}

/// `POST /admin/productaankondiging`: announces a new product to customers.
pub async fn announce_product(
    State(app): State<AppState>,
    Json(announcement): Json<Announcement>,
) -> HandlerResult<Json<serde_json::Value>> {
    let sent = jobs::announce_product(&app, &announcement).map_err(db_error)?;
    Ok(Json(json!({ "sent": sent })))
}

/// `POST /admin/facturatie`: the monthly invoice run (scheduled on the 1st).
pub async fn run_invoicing(State(app): State<AppState>) -> HandlerResult<Json<serde_json::Value>> {
    let invoiced = jobs::monthly_invoicing(&app).await.map_err(db_error)?;
    Ok(Json(json!({ "invoiced": invoiced })))
}

/// `POST /admin/onderhoud`: nightly maintenance (retention, assistant training set).
pub async fn maintenance(State(app): State<AppState>) -> HandlerResult<Json<serde_json::Value>> {
    let report = jobs::nightly(&app).await.map_err(db_error)?;
    Ok(Json(json!(report)))
}

/// `DELETE /admin/klanten/:id`: a customer exercised the right to erasure (section 6).
pub async fn erase_customer(
    State(app): State<AppState>,
    Path(customer_id): Path<i64>,
) -> HandlerResult<StatusCode> {
    db::erase_customer(&app.db, customer_id).map_err(db_error)?;
    tracing::info!(customer_id, "customer data erased");
    Ok(StatusCode::NO_CONTENT)
}
