#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) {
    log::info!("closing #{}", p.id);
    tracing::info!(patient_id = p.id, "closing");
}
