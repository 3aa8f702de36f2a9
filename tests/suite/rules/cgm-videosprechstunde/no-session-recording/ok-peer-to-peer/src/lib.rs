//! Near miss: chat goes peer to peer over an encrypted channel and is not stored.

#[privflow::data]
pub struct ChatMessage {
    pub session_id: u64,
    #[pii(category = "user.content")]
    pub text: String,
}

#[privflow::sink(kind = "network", encrypted = true)]
pub fn send_to_peer(_text: &str) {}

pub fn on_message(m: &ChatMessage) {
    send_to_peer(&m.text);
}
