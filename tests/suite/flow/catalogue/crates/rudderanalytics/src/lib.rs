#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use rudderanalytics::message::{Message, Track};

pub fn track(rudder: &rudderanalytics::client::RudderAnalytics, p: &Patient) -> Result<(), rudderanalytics::errors::Error> {
    let track = Track {
        user_id: Some(p.id.clone()),
        event: "Visit Booked".to_string(),
        properties: Some(serde_json::json!({ "diagnosis": p.diagnosis })),
        ..Default::default()
    };
    rudder.send(&Message::Track(track)) //~ cloudvisit/no-sale-to-brokers-or-ads cloudvisit/phi-stays-in-us
}
