//! The elements of a returned `Vec<Patient>` are patients, but only their untagged id is logged.
#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub struct DbError;

fn load_ward(_ward: u32) -> Result<Vec<Patient>, DbError> {
    let rows = Vec::new();
    Ok(rows)
}

pub fn morning_round(ward: u32) -> Result<(), DbError> {
    for p in load_ward(ward)? {
        audit(&p.id.to_string());
    }
    Ok(())
}
