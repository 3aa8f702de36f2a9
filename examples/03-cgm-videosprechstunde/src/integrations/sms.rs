//! SMS delivery of access codes to patients/guests (section 3.6).

#[cfg(feature = "compliant")]
use serde_json::json;

#[derive(Clone)]
pub struct SmsGateway {
    http: reqwest::Client,
    api_key: String,
}

impl SmsGateway {
    pub fn new(http: reqwest::Client, api_key: String) -> Self {
        SmsGateway { http, api_key }
    }
}

/// Message Networks GmbH, Düsseldorf: "Versand von SMS aus der CGM Videosprechstunde"
/// (processor table of section 3.1). They keep the number only anonymised, for three months.
#[cfg(feature = "compliant")]
impl SmsGateway {
    #[privflow::sink(
        kind = "sms",
        recipient = "Message Networks GmbH",
        region = "DE",
        encrypted = true
    )]
    pub async fn send_sms(&self, to: &str, text: &str) -> Result<(), reqwest::Error> {
        self.http
            .post("https://api.message-networks.de/v2/sms")
            .bearer_auth(&self.api_key)
            .json(&json!({ "sender": "Praxis", "recipient": to, "text": text }))
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

/// Twilio's Dublin region: cheaper per SMS and a nicer API than the old gateway.
#[cfg(not(feature = "compliant"))]
impl SmsGateway {
    #[privflow::sink(
        kind = "sms",
        recipient = "Twilio Ireland Limited",
        region = "IE",
        encrypted = true
    )]
    pub async fn send_sms(&self, to: &str, text: &str) -> Result<(), reqwest::Error> {
        self.http
            .post("https://api.dublin.ie1.twilio.com/2010-04-01/Accounts/AC-la-well/Messages.json")
            .basic_auth("AC-la-well", Some(&self.api_key))
            .form(&[("From", "Praxis"), ("To", to), ("Body", text)])
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
