#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use log::{debug, error, warn};

pub fn close_visit(p: &Patient) {
    log::info!("closing {}", p.diagnosis); //~ baseline/phi-to-log
    warn!("closing {}", p.diagnosis); //~ baseline/phi-to-log
    error!("closing {:?}", p); //~ baseline/phi-to-log
    debug!("closing {}", p.id);
}
