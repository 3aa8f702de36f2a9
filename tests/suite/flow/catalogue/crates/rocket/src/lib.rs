#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

use rocket::serde::json::Json;

pub fn show(p: Patient) -> Json<Patient> {
    Json(p) //~ suite-responses/phi-in-response
}
