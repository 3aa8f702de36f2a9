//! The restore-only archive. Thirty days after a practice deactivates a patient's account the
//! record leaves the live database and goes to S3 (SSE-KMS, AES-256), where only system
//! administrators can restore it, for one more year. Each object carries the retention the
//! bucket's lifecycle rule enforces; a second copy goes to the disaster-recovery bucket.

use serde::Serialize;

use crate::models::{Patient, Visit};

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

const ARCHIVE_BUCKET: &str = "https://cv-patient-archive.s3.us-east-1.amazonaws.com";

#[cfg(not(feature = "compliant"))]
const DR_BUCKET: &str = "https://cv-patient-archive-dr.s3.eu-west-1.amazonaws.com";
#[cfg(feature = "compliant")]
const DR_BUCKET: &str = "https://cv-patient-archive-dr.s3.us-west-2.amazonaws.com";

/// One archived account: the patient and all of their visits.
#[derive(Serialize)]
struct ArchivedAccount<'a> {
    patient: &'a Patient,
    visits: &'a [Visit],
}

async fn put_object(
    http: &reqwest::Client,
    url: &str,
    retention_tag: &str,
    body: &[u8],
) -> Result<(), BoxError> {
    http.put(url)
        .header("x-amz-server-side-encryption", "aws:kms")
        .header("x-amz-tagging", retention_tag)
        .body(body.to_vec())
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Stores the archive object in the primary bucket (us-east-1).
#[cfg(not(feature = "compliant"))]
#[privflow::sink(
    kind = "storage",
    region = "us-east-1",
    encrypted = true,
    retention_days = 2190
)]
async fn put_archive_object(
    http: &reqwest::Client,
    url: &str,
    body: &[u8],
) -> Result<(), BoxError> {
    // Six years, "like the paper charts": the lifecycle rule was changed to match.
    put_object(http, url, "retention=2190d", body).await
}

/// Stores the archive object in the primary bucket (us-east-1).
#[cfg(feature = "compliant")]
#[privflow::sink(
    kind = "storage",
    region = "us-east-1",
    encrypted = true,
    retention_days = 395
)]
async fn put_archive_object(
    http: &reqwest::Client,
    url: &str,
    body: &[u8],
) -> Result<(), BoxError> {
    // 30 days after deactivation have passed; one more year of restore-only access.
    put_object(http, url, "retention=395d", body).await
}

/// Stores the disaster-recovery copy.
#[cfg(not(feature = "compliant"))]
#[privflow::sink(
    kind = "storage",
    region = "eu-west-1",
    encrypted = true,
    retention_days = 395
)]
async fn put_dr_copy(http: &reqwest::Client, url: &str, body: &[u8]) -> Result<(), BoxError> {
    put_object(http, url, "retention=395d", body).await
}

/// Stores the disaster-recovery copy.
#[cfg(feature = "compliant")]
#[privflow::sink(
    kind = "storage",
    region = "us-west-2",
    encrypted = true,
    retention_days = 395
)]
async fn put_dr_copy(http: &reqwest::Client, url: &str, body: &[u8]) -> Result<(), BoxError> {
    put_object(http, url, "retention=395d", body).await
}

/// Moves a deactivated account into the archive (and its DR copy).
pub async fn archive_account(
    http: &reqwest::Client,
    patient: &Patient,
    visits: &[Visit],
) -> Result<(), BoxError> {
    let body = serde_json::to_vec(&ArchivedAccount { patient, visits })?;
    let key = format!(
        "practice-{}/patient-{}.json",
        patient.practice_id, patient.id
    );
    put_archive_object(http, &format!("{ARCHIVE_BUCKET}/{key}"), &body).await?; //~ cloudvisit/retention-limit
    put_dr_copy(http, &format!("{DR_BUCKET}/{key}"), &body).await?; //~ cloudvisit/phi-stays-in-us
    Ok(())
}
