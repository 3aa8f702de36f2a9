#[privflow::data]
#[derive(Debug, serde::Serialize)]
pub struct Appointment {
    pub slot: String,
    #[phi]
    #[serde(skip)]
    pub reason: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn confirm(a: &Appointment) -> Result<(), serde_json::Error> {
    audit(&serde_json::to_string(a)?);
    Ok(())
}
