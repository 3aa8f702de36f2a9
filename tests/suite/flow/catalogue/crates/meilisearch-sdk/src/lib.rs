#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn index(client: &meilisearch_sdk::client::Client, p: &Patient) -> Result<(), meilisearch_sdk::errors::Error> {
    client.index("visits").add_documents(&[p.clone()], Some("id")).await?; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
