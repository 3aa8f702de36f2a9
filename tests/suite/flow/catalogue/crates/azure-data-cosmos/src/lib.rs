#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn store(collection: &azure_data_cosmos::prelude::CollectionClient, p: &Patient) -> azure_core::Result<()> {
    collection.create_document(p.clone()).await?; //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
