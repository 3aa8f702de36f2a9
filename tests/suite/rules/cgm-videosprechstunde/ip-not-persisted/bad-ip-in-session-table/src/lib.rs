//! The participant's IP address is written to the sessions table.

#[privflow::data]
pub struct Join {
    pub session_id: u64,
    #[pii(category = "user.device.ip_address")]
    pub peer_ip: String,
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn insert_session(_j: &Join) {}

#[privflow::erases(Join)]
pub fn forget_session(session_id: u64) {
    let _ = session_id;
}

pub fn join(j: &Join) {
    insert_session(j); //~ cgm-videosprechstunde/ip-not-persisted
}
