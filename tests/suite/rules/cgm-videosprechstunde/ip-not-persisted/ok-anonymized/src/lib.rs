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
    let _ = session_id;
}

pub fn join(j: &Join) {
    insert_prefix(j.session_id, &prefix(&j.peer_ip));
}
