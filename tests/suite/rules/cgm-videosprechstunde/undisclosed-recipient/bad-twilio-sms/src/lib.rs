//! Access codes are sent via Twilio, which the statement does not name.

#[privflow::data]
pub struct Guest {
    pub id: u64,
    #[pii(category = "user.contact.phone_number", subject = "patient")]
    pub mobile: String,
}

#[privflow::sink(kind = "sms", recipient = "Twilio Ireland Ltd", region = "IE", encrypted = true)]
pub fn send_access_code(_to: &str, _code: &str) {}

pub fn invite(g: &Guest, code: &str) {
    send_access_code(&g.mobile, code); //~ cgm-videosprechstunde/undisclosed-recipient
}
