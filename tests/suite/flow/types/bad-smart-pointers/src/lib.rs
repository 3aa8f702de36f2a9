#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

use std::rc::Rc;
use std::sync::Arc;

pub fn boxed(p: Box<Patient>) {
    audit(&p.diagnosis); //~ baseline/phi-to-log
}

pub fn shared(p: Arc<Patient>) {
    audit(&p.diagnosis); //~ baseline/phi-to-log
}

pub fn counted(p: Rc<Patient>) {
    audit(&p.diagnosis); //~ baseline/phi-to-log
}

pub fn edited(p: &mut Patient) {
    audit(&p.diagnosis); //~ baseline/phi-to-log
}
