#[privflow::data]
#[derive(serde::Deserialize)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub notes: String,
}

/// Same field name, nothing personal: opening hours, parking.
#[derive(serde::Deserialize)]
pub struct Clinic {
    pub id: u64,
    pub notes: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn import(raw: &str) -> Result<(), serde_json::Error> {
    let c: Clinic = serde_json::from_str(raw)?;
    audit(&c.notes);
    Ok(())
}
