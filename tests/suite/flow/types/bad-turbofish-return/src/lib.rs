//! The value's type comes only from a library generic's turbofish: from_str::<Patient> returns a Patient.
#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn import(raw: &str) -> Result<(), serde_json::Error> {
    let p = serde_json::from_str::<Patient>(raw)?;
    audit(&p.diagnosis); //~ baseline/phi-to-log
    Ok(())
}
