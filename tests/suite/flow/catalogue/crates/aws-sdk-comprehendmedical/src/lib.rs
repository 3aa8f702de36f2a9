#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn code(client: &aws_sdk_comprehendmedical::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client.infer_icd10_cm().text(&p.diagnosis).send().await?; //~ cloudvisit/phi-stays-in-us
    Ok(())
}
