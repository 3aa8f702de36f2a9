#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use mixpanel_rs::Mixpanel;
use serde_json::json;
use std::collections::HashMap;

pub async fn track(mp: &Mixpanel, p: &Patient) -> mixpanel_rs::Result<()> {
    let mut properties = HashMap::new();
    properties.insert("distinct_id".to_string(), json!(p.id));
    properties.insert("diagnosis".to_string(), json!(p.diagnosis));
    mp.track("Visit Booked", Some(properties)).await?; //~ cloudvisit/no-sale-to-brokers-or-ads cloudvisit/phi-stays-in-us
    Ok(())
}
