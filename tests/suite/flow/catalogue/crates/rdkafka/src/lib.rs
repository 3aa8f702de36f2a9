#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use rdkafka::producer::{FutureProducer, FutureRecord};
use std::time::Duration;

pub async fn announce(producer: &FutureProducer, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let payload = serde_json::to_string(p)?;
    let record = FutureRecord::to("visits").key(&p.id).payload(&payload);
    let _ = producer.send(record, Duration::from_secs(0)).await; //~ cloudvisit/encrypt-at-rest cloudvisit/phi-stays-in-us cloudvisit/retention-limit
    Ok(())
}
