#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use tracing::info;

pub fn close_visit(p: &Patient) {
    info!(?p); //~ baseline/phi-to-log
}
