#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn audit(log: &slog::Logger, p: &Patient) {
    slog::info!(log, "visit {}", p.diagnosis); //~ cloudvisit/phi-stays-in-us
}
