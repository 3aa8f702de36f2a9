//! Near miss: the payload is AES-256 encrypted end to end before it is sent.

#[privflow::data]
pub struct Referral {
    pub id: u64,
    #[phi]
    pub reason: String,
}

#[privflow::sanitizer(encrypt)]
pub fn aes256(v: &str) -> Vec<u8> {
    v.bytes().rev().collect()
}

#[privflow::sink(kind = "network")]
pub fn post_referral(_body: &[u8]) {}

pub fn refer(r: &Referral) {
    post_referral(&aes256(&r.reason));
}
