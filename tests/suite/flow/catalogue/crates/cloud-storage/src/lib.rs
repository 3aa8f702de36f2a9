#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn upload(p: &Patient) -> Result<(), cloud_storage::Error> {
    let data = serde_json::to_vec(p).unwrap_or_default();
    cloud_storage::Object::create("clinic-visits", data, "visit.json", "application/json").await?; //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
