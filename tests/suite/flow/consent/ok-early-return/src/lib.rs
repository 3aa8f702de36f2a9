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

#[privflow::consent(purpose = "marketing")]
pub fn may_market(u: &User) -> bool {
    u.opted_in
}

pub fn campaign(u: &User) {
    if !may_market(u) {
        return;
    }
    send_newsletter(&u.email, "Spring check-up offers");
}
