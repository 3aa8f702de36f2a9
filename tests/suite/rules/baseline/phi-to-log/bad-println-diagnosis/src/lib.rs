//! `println!` is a catalogued log sink: the diagnosis ends up in the process output.

#[privflow::data]
pub struct Visit {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(v: &Visit) {
    println!("visit {} closed: {}", v.id, v.diagnosis); //~ baseline/phi-to-log
}
