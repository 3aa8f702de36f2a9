//! The Cloudflare exception covers access data and IP addresses only, not an e-mail address.

#[privflow::data]
pub struct LoginRequest {
    #[pii(category = "user.authorization.credentials")]
    pub access_code: String,
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}

#[privflow::sink(kind = "network", recipient = "Cloudflare, Inc.", region = "US", encrypted = true)]
pub fn forward_login(_req: &LoginRequest) {}

pub fn login(req: &LoginRequest) {
    forward_login(req); //~ cgm-videosprechstunde/no-third-country-transfer
}
