#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn forget(client: &aws_sdk_s3::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client
        .delete_object()
        .bucket("clinic-visits")
        .key(format!("visits/{}.json", p.diagnosis))
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
