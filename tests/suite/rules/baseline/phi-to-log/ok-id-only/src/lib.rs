//! Near miss: only the visit id (not personal data) is logged.

#[privflow::data]
pub struct Visit {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub fn close_visit(v: &Visit) {
    println!("visit {} closed", v.id);
}
