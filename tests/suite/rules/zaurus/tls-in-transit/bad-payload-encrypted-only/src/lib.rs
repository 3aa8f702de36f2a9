//! AES-encrypting the payload does not replace the TLS connection the statement promises.

#[privflow::data]
pub struct Message {
    pub id: u64,
    #[pii(category = "user.content")]
    pub body: String,
}

#[privflow::sanitizer(encrypt)]
pub fn aes256(v: &str) -> Vec<u8> {
    v.bytes().rev().collect()
}

#[privflow::sink(kind = "network")]
pub fn push(_body: &[u8]) {}

pub fn deliver(m: &Message) {
    push(&aes256(&m.body)); //~ zaurus/tls-in-transit
}
