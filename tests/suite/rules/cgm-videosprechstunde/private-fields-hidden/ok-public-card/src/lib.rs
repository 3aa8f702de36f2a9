//! Near miss: name, practice address and specialty may be shown.

#[privflow::data]
pub struct Profile {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[pii(category = "user.contact.address")]
    pub practice_address: String,
    pub specialty: String,
    #[pii(category = "user.contact.phone_number")]
    pub mobile: String,
    #[pii(category = "user.demographic.date_of_birth")]
    pub born: String,
}

#[privflow::sink(kind = "display")]
pub fn render_directory_entry(_name: &str, _line2: &str) {}

pub fn show(p: &Profile) {
    let line2 = format!("{} – {}", p.specialty, p.practice_address);
    render_directory_entry(&p.name, &line2);
}
