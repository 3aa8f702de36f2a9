#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn lookup(p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    reqwest::get(format!("http://ehr.example.de/api/visits?dx={}", p.diagnosis)).await?; //~ zaurus/tls-in-transit
    Ok(())
}
