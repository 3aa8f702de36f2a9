#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn export(p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let mut w = csv::Writer::from_path("/var/lib/clinic/visits.csv")?;
    w.serialize(p)?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    w.flush()?;
    Ok(())
}
