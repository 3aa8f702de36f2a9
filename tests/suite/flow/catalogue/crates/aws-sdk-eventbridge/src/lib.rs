#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use aws_sdk_eventbridge::types::PutEventsRequestEntry;

pub async fn announce(client: &aws_sdk_eventbridge::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let entry = PutEventsRequestEntry::builder()
        .source("clinic.visits")
        .detail_type("VisitCreated")
        .detail(serde_json::to_string(p)?)
        .build();
    client.put_events().entries(entry).send().await?; //~ cloudvisit/phi-stays-in-us
    Ok(())
}
