//! Near miss: the archive is in Ohio.

#[privflow::data]
pub struct Encounter {
    pub id: u64,
    #[phi]
    pub notes: String,
}

#[privflow::sink(kind = "storage", region = "us-east-2", encrypted = true, retention_days = 30)]
pub fn archive(_e: &Encounter) {}

pub fn finish(e: &Encounter) {
    archive(e);
}
