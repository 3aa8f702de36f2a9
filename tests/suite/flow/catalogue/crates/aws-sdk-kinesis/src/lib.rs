#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn stream(client: &aws_sdk_kinesis::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client
        .put_record()
        .stream_name("visits")
        .partition_key(&p.id)
        .data(aws_sdk_kinesis::primitives::Blob::new(serde_json::to_vec(p)?))
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
