#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn upload(client: &aws_sdk_s3::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client
        .put_object()
        .bucket("clinic-visits")
        .key(format!("visits/{}.json", p.id))
        .body(aws_sdk_s3::primitives::ByteStream::from(serde_json::to_vec(p)?))
        .send() //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await?;
    // Reading an object back sends no record.
    client.get_object().bucket("clinic-visits").key(&p.id).send().await?;
    Ok(())
}
