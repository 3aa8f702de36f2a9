#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use tokio::io::AsyncWriteExt;

pub async fn export(p: &Patient) -> std::io::Result<()> {
    let mut f = tokio::fs::File::create("/var/lib/clinic/dx.txt").await?;
    f.write_all(p.diagnosis.as_bytes()).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
