//! E-prescribing: new prescriptions go to the patient's pharmacy through the Surescripts
//! network. This is part of the treatment.

use serde_json::json;

use super::BoxError;
use crate::models::{Patient, Prescription};

/// Sends a NewRx message through the e-prescribing network.
#[privflow::sink(
    kind = "network",
    recipient = "Surescripts, LLC",
    region = "US",
    encrypted = true,
    purpose = "essential.service"
)]
pub async fn send_new_rx(
    http: &reqwest::Client,
    message: serde_json::Value,
) -> Result<(), BoxError> {
    http.post("https://erx.cloudvisittm.com/surescripts/newrx")
        .json(&message)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Routes a prescription written during a visit to the pharmacy the patient chose.
pub async fn prescribe(
    http: &reqwest::Client,
    patient: &Patient,
    prescriber_id: i64,
    rx: &Prescription,
) -> Result<(), BoxError> {
    let message = json!({
        "pharmacy": rx.pharmacy_ncpdp_id,
        "prescriber": prescriber_id,
        "patient": {
            "name": patient.full_name,
            "date_of_birth": patient.date_of_birth,
            "state": patient.state,
        },
        "medication": rx.medication,
        "sig": rx.sig,
        "quantity": rx.quantity,
    });
    send_new_rx(http, message).await
}
