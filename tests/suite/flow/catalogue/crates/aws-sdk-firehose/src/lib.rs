#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn deliver(client: &aws_sdk_firehose::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let record = aws_sdk_firehose::types::Record::builder()
        .data(aws_sdk_firehose::primitives::Blob::new(serde_json::to_vec(p)?))
        .build()?;
    client
        .put_record()
        .delivery_stream_name("visits")
        .record(record)
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
