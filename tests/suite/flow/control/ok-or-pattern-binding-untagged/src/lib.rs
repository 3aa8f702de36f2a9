#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub enum Entry {
    Note(String),
    Code(String),
    Secret(String),
}

pub fn show(p: &Patient, coded: bool) {
    let e = if coded { Entry::Code(String::from("X")) } else { Entry::Secret(p.diagnosis.clone()) };
    match e {
        Entry::Note(text) | Entry::Code(text) => audit(&text),
        Entry::Secret(_) => {}
    }
}
