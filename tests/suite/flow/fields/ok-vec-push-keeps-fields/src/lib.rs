//! privflow-suite: todo -- `Vec::push` joins the element's fields into the whole vector, so an element's untagged field read back carries every tag (collect() and vec![] keep fields)
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
