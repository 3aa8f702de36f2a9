#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use amplitude::{Amp, Event};
use serde_json::json;

pub async fn track(amp: &Amp, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let mut event = Event::new();
    event.user_id(&p.id).event_type("visit_booked");
    event.event_properties(json!({ "diagnosis": p.diagnosis }));
    amp.send(vec![event]).await?; //~ cloudvisit/no-sale-to-brokers-or-ads cloudvisit/phi-stays-in-us
    Ok(())
}
