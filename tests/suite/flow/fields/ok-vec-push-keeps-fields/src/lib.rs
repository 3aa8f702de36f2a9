//! `Vec::push` keeps the element's fields: reading an untagged field of an element read back (`p.id`) carries no tag.
#[privflow::data]
pub struct Patient {
    pub id: i64,
    #[phi]
    pub notes: String,
}

pub fn load() -> Vec<Patient> {
    let mut out = Vec::new();
    out.push(Patient {
        id: 1,
        notes: String::new(),
    });
    out
}

pub fn job() {
    for p in load() {
        println!("archived patient {}", p.id);
    }
}
