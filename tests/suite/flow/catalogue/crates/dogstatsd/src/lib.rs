#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn count(client: &dogstatsd::Client, p: &Patient) -> dogstatsd::DogstatsdResult {
    client.incr("visits", &[format!("diagnosis:{}", p.diagnosis)]) //~ cloudvisit/phi-stays-in-us
}
