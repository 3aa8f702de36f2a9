//! Encrypting the payload is not an SSL/TLS connection.

#[privflow::data]
pub struct ChatMessage {
    pub session_id: u64,
    #[pii(category = "user.content")]
    pub text: String,
}

#[privflow::sanitizer(encrypt)]
pub fn seal(v: &str) -> Vec<u8> {
    v.bytes().map(|b| b ^ 0x11).collect()
}

#[privflow::sink(kind = "network")]
pub fn relay(_bytes: &[u8]) {}

pub fn send(m: &ChatMessage) {
    relay(&seal(&m.text)); //~ cgm-videosprechstunde/session-ssl-encrypted
}
