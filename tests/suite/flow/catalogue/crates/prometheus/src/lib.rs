#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn count(visits: &prometheus::IntCounterVec, p: &Patient) {
    visits.with_label_values(&[&p.diagnosis]).inc(); //~ cloudvisit/phi-stays-in-us
}
