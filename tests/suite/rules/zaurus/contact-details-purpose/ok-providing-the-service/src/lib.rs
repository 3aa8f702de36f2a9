//! Near miss: a push/SMS notification that is part of the service.

#[privflow::data]
pub struct Profile {
    pub id: u64,
    #[pii(category = "user.contact.phone_number")]
    pub phone: String,
    pub research_ok: bool,
}

#[privflow::sink(kind = "sms", purpose = "essential.service.notifications", encrypted = true)]
pub fn notify(_phone: &str, _text: &str) {}

pub fn on_message(p: &Profile) {
    notify(&p.phone, "You have a new message");
}
