//! Cloudflare, Inc. (USA) in front of the login pages (sections 3.1 and 3.3): it bundles requests
//! and caches the static files of the website. Only access data and IP addresses reach it, over
//! TLS, and only for the login; the consultation itself never passes through Cloudflare.

use serde::Deserialize;

#[derive(Clone)]
pub struct Cloudflare {
    http: reqwest::Client,
    turnstile_secret: String,
    #[cfg_attr(feature = "compliant", allow(dead_code))]
    api_token: String,
}

#[derive(Deserialize)]
struct SiteverifyResponse {
    success: bool,
}

impl Cloudflare {
    pub fn new(http: reqwest::Client, turnstile_secret: String, api_token: String) -> Self {
        Cloudflare {
            http,
            turnstile_secret,
            api_token,
        }
    }

    /// Checks the Turnstile token of the login form (bot protection of the login).
    #[privflow::sink(
        kind = "network",
        recipient = "Cloudflare, Inc.",
        region = "US",
        encrypted = true
    )]
    pub async fn verify_turnstile(
        &self,
        token: &str,
        remote_ip: &str,
    ) -> Result<bool, reqwest::Error> {
        let response: SiteverifyResponse = self
            .http
            .post("https://challenges.cloudflare.com/turnstile/v0/siteverify")
            .form(&[
                ("secret", self.turnstile_secret.as_str()),
                ("response", token),
                ("remoteip", remote_ip),
            ])
            .send()
            .await?
            .json()
            .await?;
        Ok(response.success)
    }

    /// Puts a rendered JSON document into Workers KV so that the edge answers repeat requests
    /// without a round trip to Bünde.
    #[cfg(not(feature = "compliant"))]
    #[privflow::sink(
        kind = "storage",
        recipient = "Cloudflare, Inc.",
        region = "US",
        encrypted = true
    )]
    pub async fn put_edge_cache<T: serde::Serialize + Sync>(
        &self,
        key: &str,
        document: &T,
    ) -> Result<(), reqwest::Error> {
        self.http
            .put(format!(
                "https://api.cloudflare.com/client/v4/accounts/la-well/storage/kv/namespaces/pages/values/{key}"
            ))
            .bearer_auth(&self.api_token)
            .json(document)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
