//! `{:?}` writes every field: the name (personal data) and the diagnosis (health data).

#[privflow::data]
#[derive(Debug)]
pub struct Patient {
    pub id: u64,
    #[pii(category = "user.name")]
    pub name: String,
    #[phi]
    pub diagnosis: String,
}

pub fn admit(p: &Patient) {
    eprintln!("admitted {:?}", p); //~ baseline/phi-to-log baseline/pii-to-log
}
