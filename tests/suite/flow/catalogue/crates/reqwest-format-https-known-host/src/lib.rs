#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn charge(client: &reqwest::Client, p: &Patient) -> Result<(), reqwest::Error> {
    client
        .post(format!("https://api.stripe.com/v1/customers/{}", p.id))
        .form(&[("description", p.diagnosis.as_str())]) //~ cloudvisit/phi-stays-in-us
        .send()
        .await?;
    Ok(())
}
