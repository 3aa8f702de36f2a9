#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use aws_sdk_cloudwatchlogs::types::InputLogEvent;

pub async fn audit(client: &aws_sdk_cloudwatchlogs::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let event = InputLogEvent::builder()
        .message(format!("visit {}", p.diagnosis))
        .timestamp(0)
        .build()?;
    client
        .put_log_events()
        .log_group_name("clinic")
        .log_stream_name("visits")
        .log_events(event)
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
