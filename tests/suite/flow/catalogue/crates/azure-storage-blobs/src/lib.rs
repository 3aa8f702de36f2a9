#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn upload(container: &azure_storage_blobs::prelude::ContainerClient, p: &Patient) -> azure_core::Result<()> {
    container
        .blob_client(format!("visits/{}.json", p.id))
        .put_block_blob(serde_json::to_vec(p).unwrap_or_default()) //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .content_type("application/json")
        .await?;
    Ok(())
}
