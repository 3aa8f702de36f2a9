#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use log::warn as alert;
use tracing::info as note;

pub fn show(p: &Patient) {
    alert!("diagnosis {}", p.diagnosis); //~ baseline/phi-to-log
    note!(diagnosis = %p.diagnosis, "seen"); //~ baseline/phi-to-log
}
