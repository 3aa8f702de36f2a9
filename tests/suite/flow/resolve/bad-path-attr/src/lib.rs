#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[path = "platform/audit_log.rs"]
mod audit_log;

pub fn close_visit(p: &Patient) {
    audit_log::audit(&p.diagnosis); //~ baseline/phi-to-log
}
