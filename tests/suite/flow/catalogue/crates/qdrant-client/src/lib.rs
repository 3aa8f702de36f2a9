#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use qdrant_client::qdrant::{PointStruct, UpsertPointsBuilder};
use qdrant_client::{Payload, Qdrant};

pub async fn index(client: &Qdrant, p: &Patient, embedding: Vec<f32>) -> Result<(), Box<dyn std::error::Error>> {
    let payload = Payload::try_from(serde_json::json!({ "diagnosis": p.diagnosis }))?;
    let point = PointStruct::new(1, embedding, payload);
    client
        .upsert_points(UpsertPointsBuilder::new("visits", vec![point]).wait(true)) //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await?;
    Ok(())
}
