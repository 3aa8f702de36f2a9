#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

mod sinks;

pub fn close_visit(p: &Patient) {
    sinks::audit(&p.diagnosis); //~ baseline/phi-to-log
}
