//! Chat messages are relayed over ws:// without TLS.

#[privflow::data]
pub struct ChatMessage {
    pub session_id: u64,
    #[pii(category = "user.content")]
    pub text: String,
}

#[privflow::sink(kind = "network")]
pub fn relay(_text: &str) {}

pub fn send(m: &ChatMessage) {
    relay(&m.text); //~ cgm-videosprechstunde/session-ssl-encrypted
}
