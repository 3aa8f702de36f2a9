#[privflow::data]
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Patient {
    pub id: String,
    #[phi]
    pub diagnosis: String,
}

pub fn audit(p: &Patient) {
    defmt::info!("visit {}", p.diagnosis.as_str()); //~ cloudvisit/phi-stays-in-us
}
