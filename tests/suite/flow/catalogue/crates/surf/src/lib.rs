#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn sync(p: &Patient) -> surf::Result<()> {
    surf::post("http://ehr.internal/api/visits").body_json(p)?.await?; //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
    Ok(())
}
