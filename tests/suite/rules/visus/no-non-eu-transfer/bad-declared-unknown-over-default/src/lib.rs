#[privflow::data]
pub struct Patient {
    #[pii(category = "user.contact.email")]
    pub email: String,
}

// The project's default region is DE, but this sink's region is chosen at deployment: it says so,
// and privflow cannot tell that the data stays in the EU.
#[privflow::sink(kind = "network", region = "unknown")]
pub fn upload(_p: &str) {}

pub fn go(p: &Patient) {
    upload(&p.email); //~ visus/no-non-eu-transfer
}
