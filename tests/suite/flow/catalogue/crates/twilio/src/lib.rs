#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn text(client: &twilio::Client, phone: &str, p: &Patient) -> Result<(), twilio::TwilioError> {
    client
        .send_message(twilio::OutboundMessage::new("+15005550006", phone, &p.diagnosis)) //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
