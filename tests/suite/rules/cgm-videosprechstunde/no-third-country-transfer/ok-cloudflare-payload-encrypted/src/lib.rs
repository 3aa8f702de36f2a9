//! Near miss: the connection is not marked encrypted, but everything sent was encrypted first.

#[privflow::data]
pub struct LoginRequest {
    #[pii(category = "user.authorization.credentials")]
    pub access_code: String,
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
}

#[privflow::sanitizer(encrypt)]
pub fn seal(v: &str) -> Vec<u8> {
    v.bytes().map(|b| b ^ 0x2f).collect()
}

#[privflow::sink(kind = "network", recipient = "Cloudflare", region = "US")]
pub fn forward_login(_code: &[u8], _ip: &[u8]) {}

pub fn login(req: &LoginRequest) {
    forward_login(&seal(&req.access_code), &seal(&req.client_ip));
}
