#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn sync(p: &Patient) -> attohttpc::Result<()> {
    attohttpc::post("http://ehr.internal/api/visits").json(p)?.send()?; //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
    Ok(())
}
