#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn bill(client: &stripe::Client, p: &Patient) -> Result<(), stripe::StripeError> {
    let params = stripe::CreateCustomer {
        description: Some(&p.diagnosis),
        ..Default::default()
    };
    stripe::Customer::create(client, params).await?; //~ cloudvisit/phi-stays-in-us
    Ok(())
}
