//! Near miss: section 3.3 allows access data and IP addresses to reach Cloudflare, Inc., encrypted.

#[privflow::data]
pub struct LoginRequest {
    #[pii(category = "user.authorization.credentials")]
    pub access_code: String,
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
}

#[privflow::sink(kind = "network", recipient = "Cloudflare, Inc.", region = "US", encrypted = true)]
pub fn forward_login(_req: &LoginRequest) {}

pub fn login(req: &LoginRequest) {
    forward_login(req);
}
