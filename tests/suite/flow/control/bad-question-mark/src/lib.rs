#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[derive(Debug)]
pub struct NotFound;

fn lookup(ward: &[Patient], id: u64) -> Result<String, NotFound> {
    let p = ward.iter().find(|p| p.id == id).ok_or(NotFound)?;
    Ok(p.diagnosis.clone())
}

pub fn show(ward: &[Patient], id: u64) -> Result<(), NotFound> {
    let d = lookup(ward, id)?;
    audit(&d); //~ baseline/phi-to-log
    Ok(())
}
