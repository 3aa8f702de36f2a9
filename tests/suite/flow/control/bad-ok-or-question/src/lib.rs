#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn latest(p: Option<&Patient>) -> Result<(), &'static str> {
    let d = p.map(|p| p.diagnosis.clone()).ok_or("no patient")?;
    audit(&d); //~ baseline/phi-to-log
    Ok(())
}
