#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn upload(bucket: &s3::Bucket, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    bucket.put_object(format!("/visits/{}.json", p.id), &serde_json::to_vec(p)?).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
