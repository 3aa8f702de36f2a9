//! Chat relay. Chat messages normally travel over the WebRTC data channel, directly between the
//! participants. Behind a symmetric NAT the browsers fall back to the relay service, which
//! forwards them over TLS; nothing is stored (section 3.4 and 3.5).

use crate::models::ChatMessage;

#[derive(Clone)]
pub struct ChatRelay {
    http: reqwest::Client,
}

impl ChatRelay {
    pub fn new(http: reqwest::Client) -> Self {
        ChatRelay { http }
    }
}

#[cfg(feature = "compliant")]
impl ChatRelay {
    /// Hands the message to the relay over HTTPS (TLS 1.3, certificate pinned in the client).
    #[privflow::sink(kind = "network", region = "DE", encrypted = true)]
    pub async fn forward(&self, msg: &ChatMessage) -> Result<(), reqwest::Error> {
        self.http
            .post(format!(
                "https://relay.elvi.de/v1/sessions/{}/messages",
                msg.session_id
            ))
            .json(msg)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

#[cfg(not(feature = "compliant"))]
impl ChatRelay {
    /// Hands the message to the relay on the internal network (plain HTTP: it is in the same
    /// rack, and TLS termination there kept failing after the certificate rotation).
    #[privflow::sink(kind = "network", region = "DE")]
    pub async fn forward(&self, msg: &ChatMessage) -> Result<(), reqwest::Error> {
        self.http
            .post(format!(
                "http://relay.internal:8080/v1/sessions/{}/messages",
                msg.session_id
            ))
            .json(msg)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}

/// Keeps relayed messages so that the practice can look the conversation up afterwards.
#[cfg(not(feature = "compliant"))]
pub async fn archive(pool: &sqlx::PgPool, msg: &ChatMessage) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO chat_archive (session_id, from_participant, text, sent_at) \
         VALUES ($1, $2, $3, $4::timestamptz)",
    )
    .bind(&msg.session_id)
    .bind(&msg.from_participant)
    .bind(&msg.text)
    .bind(&msg.sent_at)
    .execute(pool) //~ cgm-videosprechstunde/no-session-recording
    .await?;
    Ok(())
}
