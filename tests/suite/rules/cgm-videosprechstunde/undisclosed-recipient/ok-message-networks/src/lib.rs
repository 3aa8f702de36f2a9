//! Near miss: Message Networks GmbH is the disclosed SMS processor.

#[privflow::data]
pub struct Guest {
    pub id: u64,
    #[pii(category = "user.contact.phone_number", subject = "patient")]
    pub mobile: String,
}

#[privflow::sink(kind = "sms", recipient = "Message Networks GmbH", encrypted = true)]
pub fn send_access_code(_to: &str, _code: &str) {}

pub fn invite(g: &Guest, code: &str) {
    send_access_code(&g.mobile, code);
}
