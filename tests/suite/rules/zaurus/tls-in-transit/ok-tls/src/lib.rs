//! Near miss: the push gateway is reached over TLS.

#[privflow::data]
pub struct Message {
    pub id: u64,
    #[pii(category = "user.content")]
    pub body: String,
}

#[privflow::sink(kind = "network", encrypted = true)]
pub fn push(_body: &str) {}

pub fn deliver(m: &Message) {
    push(&m.body);
}
