//! Near miss: showing the notes to the treating provider is a `display` sink, not a location.

#[privflow::data]
pub struct Encounter {
    pub id: u64,
    #[phi]
    pub notes: String,
}

#[privflow::sink(kind = "display")]
pub fn show_to_provider(_notes: &str) {}

pub fn open(e: &Encounter) {
    show_to_provider(&e.notes);
}
