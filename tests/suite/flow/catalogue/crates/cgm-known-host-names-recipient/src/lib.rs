#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn bill(client: &reqwest::Client, p: &Patient) -> Result<(), reqwest::Error> {
    client
        .post("https://api.stripe.com/v1/customers")
        .form(&[("description", p.diagnosis.as_str())]) //~ cgm-videosprechstunde/undisclosed-recipient
        .send()
        .await?;
    // A host the catalogue does not know names no recipient (the product's own systems).
    client
        .post("https://ehr.example.de/api/visits")
        .form(&[("description", p.diagnosis.as_str())])
        .send()
        .await?;
    Ok(())
}
