#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use cadence::prelude::*;

pub fn count(client: &cadence::StatsdClient, p: &Patient) {
    let _ = client.count_with_tags("visits", 1).with_tag("diagnosis", &p.diagnosis).send(); //~ cloudvisit/phi-stays-in-us
}
