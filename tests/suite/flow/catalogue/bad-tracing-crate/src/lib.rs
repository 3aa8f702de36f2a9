#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use tracing::{debug, error, event, trace, warn, Level};

pub fn close_visit(p: &Patient) {
    trace!("{}", p.diagnosis); //~ baseline/phi-to-log
    debug!(dx = ?p.diagnosis); //~ baseline/phi-to-log
    tracing::info!(patient = ?p, "closing"); //~ baseline/phi-to-log
    warn!(dx = %p.diagnosis, "closing"); //~ baseline/phi-to-log
    error!(id = p.id, "failed: {}", p.diagnosis); //~ baseline/phi-to-log
    event!(Level::INFO, dx = %p.diagnosis); //~ baseline/phi-to-log
}
