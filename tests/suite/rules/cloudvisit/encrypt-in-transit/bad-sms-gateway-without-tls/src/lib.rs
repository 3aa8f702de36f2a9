//! The phone number goes to the SMS gateway over an unencrypted connection.

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[pii(category = "user.contact.phone_number")]
    pub mobile: String,
}

#[privflow::sink(kind = "sms")]
pub fn send_sms(_to: &str, _text: &str) {}

pub fn remind(p: &Patient) {
    send_sms(&p.mobile, "Your visit starts in 10 minutes"); //~ cloudvisit/encrypt-in-transit
}
