use privflow::data;

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi(category = "user.health_and_medical")]
    pub diagnosis: String,
    #[pii(category = "user.contact.email")]
    pub email: String,
}
