//! The Cloudflare exception requires encrypted transmission.

#[privflow::data]
pub struct LoginRequest {
    #[pii(category = "user.authorization.credentials")]
    pub access_code: String,
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
}

#[privflow::sink(kind = "network", recipient = "Cloudflare, Inc.", region = "US")]
pub fn forward_login(_req: &LoginRequest) {}

pub fn login(req: &LoginRequest) {
    forward_login(req); //~ cgm-videosprechstunde/no-third-country-transfer
}
