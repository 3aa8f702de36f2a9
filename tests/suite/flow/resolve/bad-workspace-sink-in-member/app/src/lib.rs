#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

use shared::audit;

pub fn close_visit(p: &Patient) {
    audit(&p.diagnosis); //~ baseline/phi-to-log
}
