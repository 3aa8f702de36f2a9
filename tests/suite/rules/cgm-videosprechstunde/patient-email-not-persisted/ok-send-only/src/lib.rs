//! Near miss: the address is used to send the access code and then dropped.

#[privflow::data]
pub struct Invitation {
    pub id: u64,
    #[pii(category = "user.contact.email", subject = "patient")]
    pub guest_email: String,
}

#[privflow::sink(kind = "email", encrypted = true)]
pub fn send_access_code(_to: &str, _code: &str) {}

pub fn invite(i: Invitation, code: &str) {
    send_access_code(&i.guest_email, code);
    drop(i);
}
