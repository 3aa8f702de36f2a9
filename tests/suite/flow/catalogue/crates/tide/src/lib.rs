#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn show(p: &Patient) -> tide::Result<tide::Body> {
    Ok(tide::Body::from_json(p)?) //~ suite-responses/phi-in-response
}
