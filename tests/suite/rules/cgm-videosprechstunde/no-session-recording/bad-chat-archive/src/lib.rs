//! Chat messages of a video consultation are archived.

#[privflow::data]
pub struct ChatMessage {
    pub session_id: u64,
    #[pii(category = "user.content")]
    pub text: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn archive_chat(_m: &ChatMessage) {}

#[privflow::erases(ChatMessage)]
pub fn purge_session(session_id: u64) {
    let _ = session_id;
}

pub fn on_message(m: &ChatMessage) {
    archive_chat(m); //~ cgm-videosprechstunde/no-session-recording
}
