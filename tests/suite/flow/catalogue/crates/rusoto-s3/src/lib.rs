#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use rusoto_s3::S3;

pub async fn upload(client: &rusoto_s3::S3Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let request = rusoto_s3::PutObjectRequest {
        bucket: "clinic-visits".to_string(),
        key: format!("visits/{}.json", p.id),
        body: Some(serde_json::to_vec(p)?.into()),
        ..Default::default()
    };
    client.put_object(request).await?; //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
