#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
    pub vip: bool,
}

#[privflow::sink(kind = "email", purpose = "marketing.communications.email", encrypted = true)]
pub fn send_newsletter(_to: &str, _body: &str) {}

const BROADCAST: &str = "newsletter@lists.example-clinic.de";

pub fn campaign() {
    send_newsletter(BROADCAST, "Spring check-up offers");
}
