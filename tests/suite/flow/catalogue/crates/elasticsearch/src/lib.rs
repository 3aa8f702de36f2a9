#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn index(client: &elasticsearch::Elasticsearch, p: &Patient) -> Result<(), elasticsearch::Error> {
    client
        .index(elasticsearch::IndexParts::IndexId("visits", &p.id))
        .body(serde_json::json!({ "diagnosis": p.diagnosis }))
        .send() //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await?;
    Ok(())
}
