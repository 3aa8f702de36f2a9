#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use aws_sdk_pinpoint::types::{AddressConfiguration, ChannelType, DirectMessageConfiguration, MessageRequest, SmsMessage};

pub async fn text(client: &aws_sdk_pinpoint::Client, phone: &str, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let sms = SmsMessage::builder().body(format!("Result: {}", p.diagnosis)).build();
    let request = MessageRequest::builder()
        .addresses(phone, AddressConfiguration::builder().channel_type(ChannelType::Sms).build())
        .message_configuration(DirectMessageConfiguration::builder().sms_message(sms).build())
        .build();
    client
        .send_messages()
        .application_id("clinic")
        .message_request(request)
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
