#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn summarise(client: &aws_sdk_bedrockruntime::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let body = serde_json::to_vec(&serde_json::json!({ "prompt": p.diagnosis }))?;
    client
        .invoke_model()
        .model_id("anthropic.claude-3-haiku-20240307-v1:0")
        .body(aws_sdk_bedrockruntime::primitives::Blob::new(body))
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
