#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) {
    log::info!(target: "audit", "closing {}", p.id);
    log::warn!(target: "audit", "closing {}", p.diagnosis); //~ baseline/phi-to-log
}
