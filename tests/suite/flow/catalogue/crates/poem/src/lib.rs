#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn show(p: Patient) -> poem::web::Json<Patient> {
    poem::web::Json(p) //~ suite-responses/phi-in-response
}
