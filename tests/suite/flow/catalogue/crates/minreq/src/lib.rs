#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn sync(p: &Patient) -> Result<(), minreq::Error> {
    minreq::post("http://ehr.internal/api/visits").with_json(p)?.send()?; //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
    Ok(())
}
