//! Encounter notes are archived in Ireland.

#[privflow::data]
pub struct Encounter {
    pub id: u64,
    #[phi]
    pub notes: String,
}

#[privflow::sink(kind = "storage", region = "eu-west-1", encrypted = true, retention_days = 30)]
pub fn archive(_e: &Encounter) {}

pub fn finish(e: &Encounter) {
    archive(e); //~ cloudvisit/phi-stays-in-us
}
