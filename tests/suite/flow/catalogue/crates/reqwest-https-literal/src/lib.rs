#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn sync(p: &Patient) -> Result<(), reqwest::Error> {
    reqwest::Client::new()
        .post("https://ehr.example.com/api/visits")
        .json(p) //~ cloudvisit/phi-stays-in-us
        .send()
        .await?;
    Ok(())
}
