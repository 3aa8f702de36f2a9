#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn sync(p: &Patient) -> Result<(), isahc::Error> {
    isahc::post("http://ehr.internal/api/visits", serde_json::to_vec(p).unwrap_or_default())?; //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
    Ok(())
}
