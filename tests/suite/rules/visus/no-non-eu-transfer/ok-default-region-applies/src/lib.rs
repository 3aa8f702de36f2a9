#[privflow::data]
pub struct Patient {
    #[pii(category = "user.contact.email")]
    pub email: String,
}

// No region on the sink: the project's default (DE) holds.
#[privflow::sink(kind = "network")]
pub fn upload(_p: &str) {}

pub fn go(p: &Patient) {
    upload(&p.email);
}
