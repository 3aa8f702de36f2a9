#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub async fn sync(client: &awc::Client, p: &Patient) {
    let _ = client.post("http://ehr.internal/api/visits").send_json(p).await; //~ cloudvisit/encrypt-in-transit cloudvisit/phi-stays-in-us
}
