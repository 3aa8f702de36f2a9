//! Sign-up screening by our own risk service: disposable e-mail domains, addresses and networks
//! seen in earlier abuse. "Zaurus can only use your contact details to provide, protect and
//! improve our service and to detect and prevent fraud."

use serde::Deserialize;
use serde_json::json;

use crate::models::Account;

const RISK_SERVICE: &str = "https://risk.eu-central-1.zaurus.internal/v1/screen-signup";

#[derive(Debug, Deserialize)]
pub struct Verdict {
    pub block: bool,
}

/// Asks the risk service whether to accept a registration.
#[privflow::sink(
    kind = "network",
    region = "eu-central-1",
    encrypted = true,
    purpose = "essential.fraud_detection"
)]
pub async fn screen_signup(
    http: &reqwest::Client,
    account: &Account,
    ip: &str,
) -> Result<Verdict, reqwest::Error> {
    http.post(RISK_SERVICE)
        .json(&json!({ "email": account.email, "phone": account.phone, "ip": ip }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
