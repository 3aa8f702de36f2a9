#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn report(p: &Patient) {
    sentry::capture_message(&format!("triage failed for {}", p.diagnosis), sentry::Level::Error); //~ cloudvisit/phi-stays-in-us
}
