#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn show(res: &mut salvo::Response, p: Patient) {
    res.render(salvo::writing::Json(p)); //~ suite-responses/phi-in-response
}
