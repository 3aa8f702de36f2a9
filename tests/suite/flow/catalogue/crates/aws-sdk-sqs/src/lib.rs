#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn enqueue(client: &aws_sdk_sqs::Client, queue_url: &str, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client
        .send_message()
        .queue_url(queue_url)
        .message_body(serde_json::to_string(p)?)
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
