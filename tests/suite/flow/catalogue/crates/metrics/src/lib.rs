#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn count(p: &Patient) {
    metrics::counter!("visits_total", "diagnosis" => p.diagnosis.clone()).increment(1); //~ cloudvisit/phi-stays-in-us
}
