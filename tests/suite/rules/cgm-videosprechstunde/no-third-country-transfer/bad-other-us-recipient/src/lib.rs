//! The exception names Cloudflare, Inc. only; another US processor with the same data is a transfer.

#[privflow::data]
pub struct LoginRequest {
    #[pii(category = "user.authorization.credentials")]
    pub access_code: String,
    #[pii(category = "user.device.ip_address")]
    pub client_ip: String,
}

#[privflow::sink(kind = "network", recipient = "Cloudflare, Inc.", region = "US", encrypted = true)]
pub fn forward_login(_req: &LoginRequest) {}

#[privflow::sink(kind = "network", recipient = "FastBill GmbH", region = "us-west-2", encrypted = true)]
pub fn crm_login_event(_ip: &str) {}

pub fn login(req: &LoginRequest) {
    forward_login(req);
    crm_login_event(&req.client_ip); //~ cgm-videosprechstunde/no-third-country-transfer
}
