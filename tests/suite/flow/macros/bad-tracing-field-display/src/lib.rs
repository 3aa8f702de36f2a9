#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(p: &Patient) {
    tracing::info!(diagnosis = %p.diagnosis, "visit closed"); //~ baseline/phi-to-log
}
