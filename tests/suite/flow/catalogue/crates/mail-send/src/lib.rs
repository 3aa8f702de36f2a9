#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn notify(to: &str, p: &Patient) -> mail_send::Result<()> {
    let message = mail_builder::MessageBuilder::new()
        .from(("Clinic", "noreply@clinic.example"))
        .to(to)
        .subject("Your result")
        .text_body(p.diagnosis.clone());
    mail_send::SmtpClientBuilder::new("smtp.clinic.example", 587)
        .connect()
        .await?
        .send(message) //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
        .await
}
