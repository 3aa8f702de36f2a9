#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn count(client: &statsd::Client, p: &Patient) {
    client.incr(&format!("visits.{}", p.diagnosis)); //~ cloudvisit/phi-stays-in-us
}
