#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn sync(client: &reqwest_middleware::ClientWithMiddleware, p: &Patient) -> reqwest_middleware::Result<()> {
    client.post("http://ehr.internal/api/visits").json(p).send().await?; //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
    Ok(())
}
