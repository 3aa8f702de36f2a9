//! from_str::<Patient> returns a Patient: its untagged id carries no tag.
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
    audit(&p.id.to_string());
    Ok(())
}
