#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn notify(client: &aws_sdk_sns::Client, phone: &str, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client
        .publish()
        .phone_number(phone)
        .message(format!("Your result: {}", p.diagnosis))
        .send() //~ cloudvisit/phi-stays-in-us
        .await?;
    Ok(())
}
