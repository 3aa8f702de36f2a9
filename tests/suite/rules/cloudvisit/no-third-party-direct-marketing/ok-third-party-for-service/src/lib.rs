//! Near miss: a third party sends the appointment e-mail itself (service, not marketing).

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "email", recipient = "SendGrid", purpose = "essential.service.notifications", encrypted = true)]
pub fn send_appointment_mail(_to: &str) {}

pub fn book(p: &Patient) {
    send_appointment_mail(&p.email);
}
