#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn check(p: &Patient) -> eyre::Result<()> {
    if p.id.is_empty() {
        eyre::bail!("visit without id: {}", p.diagnosis); //~ cloudvisit/phi-stays-in-us
    }
    Ok(())
}
