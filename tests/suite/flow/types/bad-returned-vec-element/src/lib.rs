//! The elements of a `Vec<Patient>` a function returns (its body builds it without saying the
//! element type) are patients: their diagnoses are PHI, through `?`, `for` and `.first()`.
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
        audit(&p.diagnosis); //~ baseline/phi-to-log
    }
    Ok(())
}

pub fn first_of_ward(ward: u32) -> Result<(), DbError> {
    let all = load_ward(ward)?;
    if let Some(p) = all.first() {
        audit(&p.diagnosis); //~ baseline/phi-to-log
    }
    Ok(())
}
