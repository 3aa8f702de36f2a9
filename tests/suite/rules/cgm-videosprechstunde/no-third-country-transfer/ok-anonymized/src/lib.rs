//! Near miss: only an anonymized value leaves the EEA.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sanitizer(anonymize)]
pub fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next()).collect()
}

#[privflow::sink(kind = "network", region = "us-east-1", encrypted = true)]
pub fn sync_to_backup(_name: &str) {}

pub fn register(c: &Customer) {
    sync_to_backup(&initials(&c.name));
}
