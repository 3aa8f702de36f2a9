#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn show(p: &Patient) -> warp::reply::Json {
    warp::reply::json(p) //~ suite-responses/phi-in-response
}
