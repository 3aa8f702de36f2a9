//! Scheduled jobs. An EventBridge schedule calls the internal endpoints (`/internal/jobs/..`)
//! once a night; the handlers run the jobs below.

use crate::db::{archive, records};
use crate::handlers::AppState;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Moves accounts deactivated more than 30 days ago into the restore-only archive.
pub async fn archive_deactivated(state: &AppState) -> Result<u32, BoxError> {
    let mut archived = 0;
    for patient_id in records::due_for_archive(&state.pool).await? {
        let patient = records::load_patient(&state.pool, patient_id).await?;
        let visits = records::visits_of_patient(&state.pool, patient_id).await?;
        archive::archive_account(&state.http, &patient, &visits).await?;
        records::mark_archived(&state.pool, patient_id).await?;
        archived += 1;
    }
    Ok(archived)
}

/// The monthly marketing run: only patients who opted in to marketing e-mail.
#[cfg(not(feature = "compliant"))]
pub async fn marketing_run(state: &AppState) -> Result<u32, BoxError> {
    let mut sent = 0;
    for patient in records::active_patients(&state.pool).await? {
        if state.consent.allows_marketing(patient.id).await {
            // Careless: the opted-in patients also go to the pharmacy partner's newsletter.
            crate::integrations::partner_feed::push_contact(&state.http, &patient).await?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// The monthly marketing run: CloudVisit's own newsletter, from our own systems, only to
/// patients who opted in to marketing e-mail. No third party receives the list.
#[cfg(feature = "compliant")]
pub async fn marketing_run(state: &AppState) -> Result<u32, BoxError> {
    let mut sent = 0;
    for patient in records::active_patients(&state.pool).await? {
        if state.consent.allows_marketing(patient.id).await {
            crate::notify::email::monthly_newsletter(&state.mailer, &patient)?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// The family edition of the newsletter, for the family members a guardian manages (teenagers
/// with their own login get it at their own address). Careless: the guardian's opt-in is taken
/// for the whole family, so family members who never subscribed get the newsletter too.
#[cfg(not(feature = "compliant"))]
pub async fn family_newsletter(state: &AppState) -> Result<u32, BoxError> {
    let mut sent = 0;
    for guardian in records::guardians(&state.pool).await? {
        if state.consent.allows_marketing(guardian.id).await {
            for member in records::dependents_of(&state.pool, guardian.id).await? {
                crate::notify::email::monthly_newsletter(&state.mailer, &member)?;
                sent += 1;
            }
        }
    }
    Ok(sent)
}

/// The family edition of the newsletter: each family member's own opt-in decides.
#[cfg(feature = "compliant")]
pub async fn family_newsletter(state: &AppState) -> Result<u32, BoxError> {
    let mut sent = 0;
    for guardian in records::guardians(&state.pool).await? {
        for member in records::dependents_of(&state.pool, guardian.id).await? {
            if state.consent.allows_marketing(member.id).await {
                crate::notify::email::monthly_newsletter(&state.mailer, &member)?;
                sent += 1;
            }
        }
    }
    Ok(sent)
}
