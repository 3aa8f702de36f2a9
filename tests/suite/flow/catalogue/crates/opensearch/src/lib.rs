#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn index(client: &opensearch::OpenSearch, p: &Patient) -> Result<(), opensearch::Error> {
    client
        .index(opensearch::IndexParts::IndexId("visits", &p.id))
        .body(serde_json::json!({ "diagnosis": p.diagnosis }))
        .send() //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await?;
    Ok(())
}
