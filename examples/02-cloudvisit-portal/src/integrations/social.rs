//! "Share" button of the patient app: posts to the patient's own Facebook timeline through the
//! Graph API, with the token of the patient's Facebook login.

use super::BoxError;
use crate::models::{Patient, Visit};

/// Posts `message` (and a link to cloudvisittm.com) to the user's timeline.
#[privflow::sink(
    kind = "social",
    recipient = "Meta Platforms, Inc.",
    region = "US",
    encrypted = true
)]
pub async fn post_to_facebook(
    http: &reqwest::Client,
    user_token: &str,
    message: &str,
) -> Result<(), BoxError> {
    http.post("https://graph.facebook.com/v19.0/me/feed")
        .form(&[
            ("message", message),
            ("link", "https://www.cloudvisittm.com"),
            ("access_token", user_token),
        ])
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// The text of the post the app suggests after a visit.
#[cfg(not(feature = "compliant"))]
pub fn share_text(patient: &Patient, visit: &Visit) -> String {
    // Careless: "personal posts convert better", so the post names the patient and the doctor.
    format!(
        "{} just saw {} from the couch with CloudVisit. No waiting room!",
        patient.first_name(),
        visit.provider_name
    )
}

/// The text of the post the app suggests after a visit: an invitation to CloudVisit that says
/// nothing about the patient or the visit.
#[cfg(feature = "compliant")]
pub fn share_text(_patient: &Patient, _visit: &Visit) -> String {
    "Seeing a doctor from home is easy with CloudVisit.".to_string()
}
