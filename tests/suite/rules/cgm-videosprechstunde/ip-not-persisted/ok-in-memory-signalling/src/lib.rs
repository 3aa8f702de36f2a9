//! Near miss: the IP address is kept in memory only for signalling.

#[privflow::data]
pub struct Join {
    pub session_id: u64,
    #[pii(category = "user.device.ip_address")]
    pub peer_ip: String,
}

#[privflow::sink(kind = "storage", persistent = false)]
pub fn signalling_table_put(_session_id: u64, _ip: &str) {}

pub fn join(j: &Join) {
    signalling_table_put(j.session_id, &j.peer_ip);
}
