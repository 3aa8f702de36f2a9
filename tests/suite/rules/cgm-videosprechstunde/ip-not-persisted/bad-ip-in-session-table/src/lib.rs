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
    delete_join_row(session_id);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "Join", region = "DE")]
pub fn delete_join_row(_id: u64) {}

pub fn join(j: &Join) {
    insert_session(j); //~ cgm-videosprechstunde/ip-not-persisted
}
