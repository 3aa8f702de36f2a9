#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use actix_web::HttpResponse;

pub async fn show(p: Patient) -> HttpResponse {
    HttpResponse::Ok().json(&p) //~ suite-responses/phi-in-response
}
