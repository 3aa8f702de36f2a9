#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use object_store::ObjectStore;

pub async fn upload(store: &object_store::aws::AmazonS3, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let path = object_store::path::Path::from(format!("visits/{}.json", p.id));
    store.put(&path, serde_json::to_vec(p)?.into()).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
