#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use slack_hook::{PayloadBuilder, Slack};

pub fn alert(p: &Patient) -> Result<(), slack_hook::Error> {
    let slack = Slack::new("https://hooks.slack.com/services/T000/B000/XXXX")?;
    let payload = PayloadBuilder::new()
        .text(format!("Urgent result: {}", p.diagnosis))
        .channel("#on-call")
        .build()?;
    slack.send(&payload) //~ cloudvisit/phi-stays-in-us
}
