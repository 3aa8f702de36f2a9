#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn triage(client: &aws_sdk_lambda::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client
        .invoke()
        .function_name("triage")
        .payload(aws_sdk_lambda::primitives::Blob::new(serde_json::to_vec(p)?))
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
