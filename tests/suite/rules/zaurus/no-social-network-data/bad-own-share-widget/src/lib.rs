//! A share widget without a named recipient still sends the name to a social network.

#[privflow::data]
pub struct User {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
}

#[privflow::sink(kind = "social")]
pub fn share_widget(_text: &str) {}

pub fn view(u: &User) {
    share_widget(&u.name); //~ zaurus/no-social-network-data
}
