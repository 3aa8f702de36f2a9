#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn check(p: &Patient) {
    if p.id.is_empty() {
        panic!("visit without id: {}", p.diagnosis); //~ cloudvisit/phi-stays-in-us
    }
}
