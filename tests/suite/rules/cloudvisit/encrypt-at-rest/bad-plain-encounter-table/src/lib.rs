//! Encounter notes are stored in a table without encryption.

#[privflow::data]
pub struct Encounter {
    pub id: u64,
    #[phi]
    pub notes: String,
}

#[privflow::sink(kind = "storage", retention_days = 30)]
pub fn insert_notes(_id: u64, _notes: &str) {}

pub fn finish(e: &Encounter) {
    insert_notes(e.id, &e.notes); //~ cloudvisit/encrypt-at-rest
}
