#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::pii(category = "user.contact.email")]
pub type Email = String;

pub fn welcome(ward_name: &String) {
    audit(ward_name);
}
