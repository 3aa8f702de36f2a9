//! Near miss: the peer connection is DTLS/SSL encrypted.

#[privflow::data]
pub struct ChatMessage {
    pub session_id: u64,
    #[pii(category = "user.content")]
    pub text: String,
}

#[privflow::sink(kind = "network", encrypted = true)]
pub fn send_to_peer(_text: &str) {}

pub fn send(m: &ChatMessage) {
    send_to_peer(&m.text);
}
