#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn keep(client: &aws_sdk_secretsmanager::Client, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    client
        .create_secret()
        .name(format!("visit/{}", p.id))
        .secret_string(p.diagnosis.clone())
        .send() //~ cloudvisit/phi-stays-in-us cloudvisit/retention-limit
        .await?;
    Ok(())
}
