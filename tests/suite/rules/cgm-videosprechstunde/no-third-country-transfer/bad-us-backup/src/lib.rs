//! Customer names are synchronised to a backup service in the US.

#[privflow::data]
pub struct Customer {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
    pub opted_in: bool,
}

#[privflow::sink(kind = "network", region = "us-east-1", encrypted = true)]
pub fn sync_to_backup(_name: &str) {}

pub fn register(c: &Customer) {
    sync_to_backup(&c.name); //~ cgm-videosprechstunde/no-third-country-transfer
}
