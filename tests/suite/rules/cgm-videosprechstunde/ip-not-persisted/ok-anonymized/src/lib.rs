//! Near miss: only an anonymized network prefix is stored.

#[privflow::data]
pub struct Join {
    pub session_id: u64,
    #[pii(category = "user.device.ip_address")]
    pub peer_ip: String,
}

#[privflow::sanitizer(anonymize)]
pub fn prefix(ip: &str) -> String {
    ip.split('.').take(2).collect::<Vec<_>>().join(".")
}

#[privflow::sink(kind = "storage", encrypted = true)]
pub fn insert_prefix(_session_id: u64, _prefix: &str) {}

#[privflow::erases(Join)]
pub fn forget_session(session_id: u64) {
    delete_join_row(session_id);
}

#[privflow::sink(kind = "storage", op = "delete", stores = "Join", region = "DE")]
pub fn delete_join_row(_id: u64) {}

pub fn join(j: &Join) {
    insert_prefix(j.session_id, &prefix(&j.peer_ip));
}
