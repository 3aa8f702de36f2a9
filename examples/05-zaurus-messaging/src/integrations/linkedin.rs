//! LinkedIn Conversions API: tells LinkedIn which sign-ups came from our campaigns, so that
//! marketing can see the cost per registration. Added for the 2024 campaign.

use serde_json::json;

use crate::models::{now_unix, Account};

/// The conversion rule set up in LinkedIn Campaign Manager for "account registered".
const SIGNUP_CONVERSION: &str = "urn:lla:llaPartnerConversion:13066242";

#[privflow::sink(kind = "social", recipient = "LinkedIn", encrypted = true)]
async fn post_conversion_event(
    http: &reqwest::Client,
    token: &str,
    event: &serde_json::Value,
) -> Result<(), reqwest::Error> {
    http.post("https://api.linkedin.com/rest/conversionEvents")
        .bearer_auth(token)
        .header("LinkedIn-Version", "202401")
        .json(event)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Reports a registration as a conversion, matched to the LinkedIn member by name, company and
/// job title.
pub async fn track_signup(http: &reqwest::Client, account: &Account) {
    let Ok(token) = std::env::var("LINKEDIN_CONVERSIONS_TOKEN") else {
        return;
    };
    let (first_name, last_name) = account
        .display_name
        .split_once(' ')
        .unwrap_or((account.display_name.as_str(), ""));
    let event = json!({
        "conversion": SIGNUP_CONVERSION,
        "conversionHappenedAt": now_unix() * 1000,
        "user": {
            "userIds": [],
            "userInfo": {
                "firstName": first_name,
                "lastName": last_name,
                "companyName": account.organisation,
                "title": account.job_title,
            },
        },
    });
    let result = post_conversion_event(http, &token, &event).await; //~ zaurus/no-social-network-data zaurus/undisclosed-recipient
    if let Err(err) = result {
        tracing::warn!(error = %err, "LinkedIn conversion not recorded");
    }
}
