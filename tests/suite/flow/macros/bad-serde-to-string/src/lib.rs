#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn close_visit(p: &Patient) -> Result<(), serde_json::Error> {
    let body = serde_json::to_string(&p)?;
    audit(&body); //~ baseline/phi-to-log
    Ok(())
}
