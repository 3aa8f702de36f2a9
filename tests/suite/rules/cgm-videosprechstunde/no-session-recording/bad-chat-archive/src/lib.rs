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
    delete_chatmessage_row(session_id);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "ChatMessage", region = "DE")]
pub fn delete_chatmessage_row(_id: u64) {}

pub fn on_message(m: &ChatMessage) {
    archive_chat(m); //~ cgm-videosprechstunde/no-session-recording
}
