#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use postmark::api::email::SendEmailRequest;
use postmark::api::Body;
use postmark::Query;

pub async fn notify(client: &postmark::reqwest::PostmarkClient, to: &str, p: &Patient) -> Result<(), Box<dyn std::error::Error>> {
    let request = SendEmailRequest::builder()
        .from("noreply@clinic.example")
        .to(to)
        .subject("Your result")
        .body(Body::text(p.diagnosis.clone()))
        .build();
    request.execute(client).await?; //~ cloudvisit/phi-stays-in-us
    Ok(())
}
