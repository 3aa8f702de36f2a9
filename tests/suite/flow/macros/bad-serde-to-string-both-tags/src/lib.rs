#[privflow::data]
#[derive(serde::Serialize)]
pub struct Patient {
    pub id: u64,
    #[pii(category = "user.contact.email")]
    pub email: String,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn close_visit(p: &Patient) -> Result<(), serde_json::Error> {
    audit(&serde_json::to_string_pretty(p)?); //~ baseline/phi-to-log baseline/pii-to-log
    Ok(())
}
