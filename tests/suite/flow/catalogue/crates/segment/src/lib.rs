#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use segment::message::{Track, User};
use segment::Client;

pub async fn track(client: &segment::HttpClient, write_key: &str, p: &Patient) -> Result<(), segment::Error> {
    let track = Track {
        user: User::UserId { user_id: p.id.clone() },
        event: "Visit Booked".to_string(),
        properties: serde_json::json!({ "diagnosis": p.diagnosis }),
        ..Default::default()
    };
    client.send(write_key.to_string(), track.into()).await?; //~ cloudvisit/no-sale-to-brokers-or-ads cloudvisit/phi-stays-in-us
    Ok(())
}
