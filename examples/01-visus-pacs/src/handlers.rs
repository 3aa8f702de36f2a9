//! HTTP handlers of the website backend (`/shop`, `/contact`, `/newsletter`, `/collect`) and of the
//! hosted PACS (`/pacs`).

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use serde_json::json;

use crate::consent::{self, CookieChoices};
use crate::db;
use crate::integrations::mailer::NewsletterIssue;
use crate::models::{
    CheckoutRequest, ContactInquiry, InquiryTopic, LicenceOrder, NewsletterSignup,
    NewsletterSubscription, PageView, PageViewBeacon, RadiologyReport, ReportStatus, StudyUpload,
};
use crate::{crypto, jobs, AppState};

type HandlerResult<T> = Result<T, StatusCode>;

fn db_error(e: sqlx::Error) -> StatusCode {
    tracing::error!(error = %e, "database error");
    StatusCode::INTERNAL_SERVER_ERROR
}

/// The visitor's address as seen by the load balancer (first entry of `X-Forwarded-For`).
#[privflow::source(pii, category = "user.device.ip_address")]
fn client_ip(headers: &HeaderMap) -> String {
    headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|ip| ip.trim().to_string())
        .unwrap_or_default()
}

/// The `gclid` of an advert click, kept in the conversion cookie for 30 days.
fn adwords_click_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::COOKIE)?
        .to_str()
        .ok()?
        .split(';')
        .find_map(|c| c.trim().strip_prefix("_gcl_aw=").map(str::to_string))
}

/// List prices in cents per seat.
fn price_per_seat(product: &str) -> Option<i64> {
    match product {
        "jivex-review" => Some(49_000),
        "jivex-enterprise-pacs" => Some(189_000),
        "jivex-teleradiology" => Some(129_000),
        _ => None,
    }
}

// ----------------------------------------------------------------------------- shop

/// `POST /shop/checkout`: places a licence order, invoices it through Stripe and confirms it.
pub async fn checkout(
    State(app): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<CheckoutRequest>,
) -> HandlerResult<Json<serde_json::Value>> {
    let per_seat = price_per_seat(&req.product).ok_or(StatusCode::UNPROCESSABLE_ENTITY)?;
    let mut customer = req.customer;
    customer.id = db::upsert_customer(&app.db, &customer)
        .await
        .map_err(db_error)?;

    let order = LicenceOrder {
        number: format!("JX-{}", &crypto::random_token()[..8]).to_uppercase(),
        customer_id: customer.id,
        product: req.product,
        seats: req.seats,
        total_cents: per_seat * i64::from(req.seats),
        currency: "EUR".to_string(),
    };
    db::insert_order(&app.db, &order).await.map_err(db_error)?;

    let invoice = app
        .stripe
        .invoice_order(&customer, &order)
        .await
        .map_err(|_| StatusCode::BAD_GATEWAY)?;
    if app.mailer.confirm_order(&customer, &order).is_err() {
        tracing::warn!(order = %order.number, "order confirmation e-mail failed");
    }

    // Conversion tracking: only for visitors who came from an advert and accepted advertising
    // cookies.
    let choices = CookieChoices::from_headers(&headers);
    if let Some(gclid) = adwords_click_id(&headers) {
        if consent::conversion_tracking_allowed(&choices) {
            let conversion = app.ads.conversion_for(&gclid, &order, &customer);
            let reported = app.ads.report(&conversion).await; //~ visus/no-personal-data-to-advertising visus/no-non-eu-transfer
            if reported.is_err() {
                tracing::debug!(order = %order.number, "conversion upload failed");
            }
        }
    }

    // Satisfaction survey. Careless version: sales asked to survey every buyer.
    #[cfg(not(feature = "compliant"))]
    let survey = app.survey.invite(&customer, &order.product).await;
    #[cfg(feature = "compliant")]
    let survey = if consent::survey_invitation_allowed(&customer) {
        app.survey.invite(&customer, &order.product).await
    } else {
        Ok(())
    };
    if survey.is_err() {
        tracing::debug!(order = %order.number, "survey invitation failed");
    }

    Ok(Json(json!({ "order": order.number, "invoice": invoice })))
}

/// `DELETE /admin/customers/:id`: a customer asked us to delete their data.
pub async fn erase_customer(
    State(app): State<AppState>,
    Path(customer_id): Path<i64>,
) -> HandlerResult<StatusCode> {
    db::erase_customer(&app.db, customer_id)
        .await
        .map_err(db_error)?;
    tracing::info!(customer_id, "customer contact data erased");
    Ok(StatusCode::NO_CONTENT)
}

// ----------------------------------------------------------------------------- contact form

/// `POST /contact`: stores the inquiry, acknowledges it and routes feature requests to product
/// management.
pub async fn contact(
    State(app): State<AppState>,
    Json(mut inquiry): Json<ContactInquiry>,
) -> HandlerResult<StatusCode> {
    inquiry.reference = format!("CI-{}", &crypto::random_token()[..8]).to_uppercase();
    db::insert_inquiry(&app.db, &inquiry)
        .await
        .map_err(db_error)?;
    #[cfg(not(feature = "compliant"))]
    tracing::info!(from = %inquiry.email, topic = inquiry.topic.as_str(), "contact inquiry received"); //~ baseline/pii-to-log
    #[cfg(feature = "compliant")]
    tracing::info!(inquiry = %inquiry.reference, topic = inquiry.topic.as_str(), "contact inquiry received");

    if app.mailer.acknowledge_inquiry(&inquiry).is_err() {
        tracing::warn!(inquiry = %inquiry.reference, "acknowledgement e-mail failed");
    }

    if inquiry.topic == InquiryTopic::FeatureRequest {
        // Careless version: every feature request goes to the product board, sender included.
        #[cfg(not(feature = "compliant"))]
        let filed = app.feedback.file_feature_request(&inquiry).await;
        #[cfg(feature = "compliant")]
        let filed = if consent::product_feedback_allowed(&inquiry) {
            app.feedback.file_feature_request(&inquiry).await
        } else {
            Ok(())
        };
        if filed.is_err() {
            tracing::warn!(inquiry = %inquiry.reference, "could not file the feature request");
        }
    }
    Ok(StatusCode::ACCEPTED)
}

// ----------------------------------------------------------------------------- newsletter

/// `POST /newsletter`: records the address and sends the double opt-in link.
pub async fn subscribe(
    State(app): State<AppState>,
    Json(signup): Json<NewsletterSignup>,
) -> HandlerResult<StatusCode> {
    let sub = NewsletterSubscription {
        id: 0,
        email: signup.email,
        confirm_token: crypto::random_token(),
        confirmed_at: None,
        unsubscribed_at: None,
    };
    db::insert_subscription(&app.db, &sub)
        .await
        .map_err(db_error)?;
    app.mailer
        .send_confirmation_link(&sub)
        .map_err(|_| StatusCode::BAD_GATEWAY)?;
    Ok(StatusCode::ACCEPTED)
}

/// `GET /newsletter/confirm/:token`: the double opt-in link.
pub async fn confirm_subscription(
    State(app): State<AppState>,
    Path(token): Path<String>,
) -> HandlerResult<&'static str> {
    match db::confirm_subscription(&app.db, &token)
        .await
        .map_err(db_error)?
    {
        true => Ok("Thank you, your subscription is confirmed."),
        false => Err(StatusCode::NOT_FOUND),
    }
}

/// `GET /newsletter/unsubscribe/:token`.
pub async fn unsubscribe(
    State(app): State<AppState>,
    Path(token): Path<String>,
) -> HandlerResult<&'static str> {
    db::delete_subscription(&app.db, &token)
        .await
        .map_err(db_error)?;
    Ok("You have been unsubscribed and your address deleted.")
}

/// `POST /admin/newsletter`: marketing sends an issue to every confirmed subscriber.
pub async fn send_newsletter(
    State(app): State<AppState>,
    Json(issue): Json<NewsletterIssue>,
) -> HandlerResult<Json<serde_json::Value>> {
    let sent = jobs::send_newsletter(&app, &issue)
        .await
        .map_err(db_error)?;
    Ok(Json(json!({ "sent": sent })))
}

// ----------------------------------------------------------------------------- web statistics

/// `POST /collect`: a page view from the website's tracking snippet, forwarded to Google Analytics
/// if the visitor accepted statistics cookies.
pub async fn collect(
    State(app): State<AppState>,
    headers: HeaderMap,
    Json(beacon): Json<PageViewBeacon>,
) -> StatusCode {
    let choices = CookieChoices::from_headers(&headers);
    if !consent::statistics_allowed(&choices) {
        return StatusCode::NO_CONTENT;
    }
    let view = PageView {
        path: beacon.path,
        referrer: beacon.referrer,
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string(),
        client_ip: client_ip(&headers),
    };
    let hit = app.ga.hit_for(&view);
    let sent = app.ga.collect(&hit).await; //~ visus/analytics-ip-anonymized visus/no-non-eu-transfer
    if sent.is_err() {
        tracing::debug!(path = %view.path, "analytics hit dropped");
    }
    StatusCode::NO_CONTENT
}

// ----------------------------------------------------------------------------- hosted PACS

/// `POST /pacs/:tenant/studies`: a modality or sending PACS stores a study.
pub async fn store_study(
    State(app): State<AppState>,
    Path(tenant): Path<String>,
    Json(upload): Json<StudyUpload>,
) -> HandlerResult<StatusCode> {
    let study = upload.study;
    let matched = db::worklist_has(&app.db, &tenant, &study.accession_number)
        .await
        .map_err(db_error)?;
    if !matched {
        // Unmatched studies are still archived and appear in the QA worklist of the tenant.
        #[cfg(not(feature = "compliant"))]
        tracing::warn!("study {:?} has no matching RIS order, queued for QA", study); //~ baseline/phi-to-log baseline/pii-to-log
        #[cfg(feature = "compliant")]
        tracing::warn!(tenant = %tenant, study_uid = %study.study_instance_uid, "study has no matching RIS order, queued for QA");
    }
    db::insert_study(&app.db, &app.cipher, &study)
        .await
        .map_err(db_error)?;
    for instance in &upload.instances {
        app.archive
            .store(&tenant, instance)
            .await
            .map_err(|_| StatusCode::BAD_GATEWAY)?;
    }
    Ok(StatusCode::OK)
}

/// `PUT /pacs/reports`: the reporting workstation saves a draft or signs the report.
pub async fn save_report(
    State(app): State<AppState>,
    Json(report): Json<RadiologyReport>,
) -> HandlerResult<StatusCode> {
    db::save_report(&app.db, &app.cipher, &report)
        .await
        .map_err(db_error)?;
    if report.status == ReportStatus::Final {
        tracing::info!(report_id = report.id, study_uid = %report.study_instance_uid, "report signed");
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /admin/maintenance`: the nightly retention run (triggered by an EventBridge schedule).
pub async fn maintenance(State(app): State<AppState>) -> HandlerResult<Json<serde_json::Value>> {
    let report = jobs::nightly(&app).await.map_err(db_error)?;
    Ok(Json(json!(report)))
}
