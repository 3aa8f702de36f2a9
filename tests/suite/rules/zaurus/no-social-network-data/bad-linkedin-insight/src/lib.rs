//! The user's name is sent to LinkedIn's insight tag. (LinkedIn is also not a listed recipient.)

#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
}

#[privflow::sink(kind = "social", recipient = "LinkedIn")]
pub fn linkedin_insight(_payload: &str) {}

pub fn view(u: &User) {
    linkedin_insight(&u.name); //~ zaurus/no-social-network-data zaurus/undisclosed-recipient
}
