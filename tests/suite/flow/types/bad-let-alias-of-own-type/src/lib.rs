//! Through an alias of its own type, the state's tagged field is still PHI.
use std::sync::Arc;

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub struct State {
    pub ward: u32,
    pub patient: Patient,
}

pub type Shared = Arc<State>;

pub fn run(p: Patient) {
    let s: Shared = Arc::new(State { ward: 3, patient: p });
    println!("{} in ward {}", s.patient.diagnosis, s.ward); //~ baseline/phi-to-log
}
