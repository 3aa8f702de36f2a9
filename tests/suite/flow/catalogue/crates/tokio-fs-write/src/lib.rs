#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn export(p: &Patient) -> std::io::Result<()> {
    tokio::fs::write("/var/lib/clinic/dx.txt", p.diagnosis.as_bytes()).await //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
}
