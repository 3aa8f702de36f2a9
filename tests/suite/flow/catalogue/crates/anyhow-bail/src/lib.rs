#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use anyhow::bail;

pub fn check(p: &Patient) -> anyhow::Result<()> {
    if p.id.is_empty() {
        bail!("visit without id: {}", p.diagnosis); //~ cloudvisit/phi-stays-in-us
    }
    Ok(())
}
