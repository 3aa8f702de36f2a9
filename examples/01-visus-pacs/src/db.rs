//! PostgreSQL storage (Amazon RDS, eu-central-1 / Frankfurt).
//!
//! Two schemas share the cluster: `shop` (customers, licence orders, contact inquiries, newsletter)
//! and `pacs` (study metadata and reports of the hosted JiveX tenants). PHI columns of `pacs` are
//! sealed with the column cipher before they are bound; the shop's contact data is stored as is.

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Row;

use crate::crypto::ColumnCipher;
use crate::models::{
    ContactInquiry, Customer, LicenceOrder, NewsletterSubscription, RadiologyReport, Study,
};

pub type DbResult<T> = Result<T, sqlx::Error>;

/// Opens the pool lazily: the service starts even while the database is still coming up.
pub fn connect(database_url: &str) -> DbResult<PgPool> {
    PgPoolOptions::new()
        .max_connections(10)
        .connect_lazy(database_url)
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

// ----------------------------------------------------------------------------- shop

/// Creates or updates the customer record of a checkout; returns its id.
pub async fn upsert_customer(pool: &PgPool, c: &Customer) -> DbResult<i64> {
    let row = sqlx::query(
        "INSERT INTO shop.customers (organisation, contact_name, email, phone, billing_address) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (email) DO UPDATE SET contact_name = $2, phone = $4, billing_address = $5 \
         RETURNING id",
    )
    .bind(&c.organisation)
    .bind(&c.contact_name)
    .bind(&c.email)
    .bind(&c.phone)
    .bind(&c.billing_address)
    .fetch_one(pool)
    .await?;
    row.try_get("id")
}

pub async fn insert_order(pool: &PgPool, o: &LicenceOrder) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO shop.orders (number, customer_id, product, seats, total_cents, currency) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&o.number)
    .bind(o.customer_id)
    .bind(&o.product)
    .bind(o.seats as i32)
    .bind(o.total_cents)
    .bind(&o.currency)
    .execute(pool)
    .await?;
    Ok(())
}

/// Deletes a customer's contact data on request. Orders and invoices stay (they refer to the
/// customer by id only): "Data for billing purposes and accounting purposes is not affected by a
/// request for deletion."
#[privflow::erases(Customer)]
pub async fn erase_customer(pool: &PgPool, customer_id: i64) -> DbResult<()> {
    sqlx::query(
        "UPDATE shop.customers SET contact_name = NULL, email = NULL, phone = NULL, \
         erased_at = now() WHERE id = $1",
    )
    .bind(customer_id)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn insert_inquiry(pool: &PgPool, i: &ContactInquiry) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO shop.inquiries (reference, name, email, phone, organisation, topic, message) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&i.reference)
    .bind(&i.name)
    .bind(&i.email)
    .bind(&i.phone)
    .bind(&i.organisation)
    .bind(i.topic.as_str())
    .bind(&i.message)
    .execute(pool)
    .await?;
    Ok(())
}

/// Deletes inquiries that were answered more than 90 days ago: by then "knowledge of that data is
/// no longer necessary for fulfillment of the purpose sought via storage".
#[cfg(feature = "compliant")]
#[privflow::erases(ContactInquiry)]
pub async fn purge_answered_inquiries(pool: &PgPool) -> DbResult<u64> {
    let done =
        sqlx::query("DELETE FROM shop.inquiries WHERE answered_at < now() - interval '90 days'")
            .execute(pool)
            .await?;
    Ok(done.rows_affected())
}

pub async fn insert_subscription(pool: &PgPool, s: &NewsletterSubscription) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO shop.newsletter (email, confirm_token, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (email) DO UPDATE SET confirm_token = $2",
    )
    .bind(&s.email)
    .bind(&s.confirm_token)
    .bind(now())
    .execute(pool)
    .await?;
    Ok(())
}

/// Marks the subscription whose confirmation link was clicked; `false` if the token is unknown.
pub async fn confirm_subscription(pool: &PgPool, token: &str) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE shop.newsletter SET confirmed_at = $2 WHERE confirm_token = $1 \
         AND confirmed_at IS NULL",
    )
    .bind(token)
    .bind(now())
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn newsletter_subscriptions(pool: &PgPool) -> DbResult<Vec<NewsletterSubscription>> {
    let rows = sqlx::query(
        "SELECT id, email, confirm_token, confirmed_at, unsubscribed_at FROM shop.newsletter",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(NewsletterSubscription {
                id: r.try_get("id")?,
                email: r.try_get("email")?,
                confirm_token: r.try_get("confirm_token")?,
                confirmed_at: r.try_get("confirmed_at")?,
                unsubscribed_at: r.try_get("unsubscribed_at")?,
            })
        })
        .collect()
}

/// Unsubscribe link: the address is deleted, not just flagged.
#[privflow::erases(NewsletterSubscription, crate::models::NewsletterSignup)]
pub async fn delete_subscription(pool: &PgPool, token: &str) -> DbResult<()> {
    sqlx::query("DELETE FROM shop.newsletter WHERE confirm_token = $1")
        .bind(token)
        .execute(pool)
        .await?;
    Ok(())
}

// ----------------------------------------------------------------------------- pacs

/// Does the RIS worklist hold an order for this accession number?
pub async fn worklist_has(pool: &PgPool, tenant: &str, accession_number: &str) -> DbResult<bool> {
    let row = sqlx::query(
        "SELECT count(*) AS n FROM pacs.worklist WHERE tenant = $1 AND accession_number = $2",
    )
    .bind(tenant)
    .bind(accession_number)
    .fetch_one(pool)
    .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

/// Stores the study metadata; every patient attribute is sealed first.
pub async fn insert_study(pool: &PgPool, cipher: &ColumnCipher, s: &Study) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO pacs.studies (study_instance_uid, tenant, accession_number, patient_name, \
         patient_id, patient_birth_date, modality, study_description, body_part) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (study_instance_uid) DO NOTHING",
    )
    .bind(&s.study_instance_uid)
    .bind(&s.tenant)
    .bind(&s.accession_number)
    .bind(cipher.seal_str(&s.patient_name))
    .bind(cipher.seal_str(&s.patient_id))
    .bind(cipher.seal_str(&s.patient_birth_date))
    .bind(cipher.seal_str(&s.modality))
    .bind(cipher.seal_str(&s.study_description))
    .bind(cipher.seal_str(&s.body_part))
    .execute(pool)
    .await?;
    Ok(())
}

/// Saves a report draft or its final version (sealed).
pub async fn save_report(
    pool: &PgPool,
    cipher: &ColumnCipher,
    r: &RadiologyReport,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO pacs.reports (id, study_instance_uid, findings, impression, status) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (id) DO UPDATE SET findings = $3, impression = $4, status = $5",
    )
    .bind(r.id)
    .bind(&r.study_instance_uid)
    .bind(cipher.seal_str(&r.findings))
    .bind(cipher.seal_str(&r.impression))
    .bind(format!("{:?}", r.status))
    .execute(pool)
    .await?;
    Ok(())
}

/// Studies whose statutory retention period (10 years for imaging, § 28 StrlSchG / § 630f BGB
/// for the report) has expired.
/// Returns (tenant, study instance UID) pairs.
pub async fn expired_studies(pool: &PgPool) -> DbResult<Vec<(String, String)>> {
    let rows = sqlx::query(
        "SELECT tenant, study_instance_uid FROM pacs.studies WHERE retain_until < now() LIMIT 500",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("tenant")?, r.try_get("study_instance_uid")?)))
        .collect()
}

/// Deletes a study's metadata and reports; the archive objects are deleted by the caller.
pub async fn delete_study_rows(pool: &PgPool, study_instance_uid: &str) -> DbResult<()> {
    sqlx::query("DELETE FROM pacs.reports WHERE study_instance_uid = $1")
        .bind(study_instance_uid)
        .execute(pool)
        .await?;
    sqlx::query("DELETE FROM pacs.studies WHERE study_instance_uid = $1")
        .bind(study_instance_uid)
        .execute(pool)
        .await?;
    Ok(())
}
