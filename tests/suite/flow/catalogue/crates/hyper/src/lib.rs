#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn request(p: &Patient) -> hyper::Request<String> {
    hyper::Request::builder()
        .method("POST")
        .uri("http://ehr.internal/api/visits")
        .body(serde_json::to_string(p).unwrap_or_default()) //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
        .unwrap()
}
