//! Messages go to the push gateway over plain HTTP.

#[privflow::data]
pub struct Message {
    pub id: u64,
    #[pii(category = "user.content")]
    pub body: String,
}

#[privflow::sink(kind = "network")]
pub fn push(_body: &str) {}

pub fn deliver(m: &Message) {
    push(&m.body); //~ zaurus/tls-in-transit
}
