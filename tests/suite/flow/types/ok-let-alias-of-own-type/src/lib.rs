//! `let s: Shared = Arc::new(state)` names the value's own type through an alias: no conversion,
//! so the state keeps its fields and its untagged `ward` carries no tag.
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
    println!("ward {}", s.ward);
}
