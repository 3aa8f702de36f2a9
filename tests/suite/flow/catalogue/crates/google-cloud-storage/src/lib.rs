#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use google_cloud_storage::http::objects::upload::{Media, UploadObjectRequest, UploadType};

pub async fn upload(client: &google_cloud_storage::client::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let request = UploadObjectRequest { bucket: "clinic-visits".to_string(), ..Default::default() };
    let media = UploadType::Simple(Media::new(format!("visits/{}.json", p.id)));
    client.upload_object(&request, serde_json::to_vec(p)?, &media).await?; //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
