//! The delete sits in a branch that never runs.

pub struct Patient {
    pub id: u64,
}

#[privflow::sink(kind = "storage", op = "delete", region = "DE")]
pub fn delete_row(_id: u64) {}

#[privflow::erases(Patient)] //~ privflow/erasure-not-reached
pub fn erase(p: &Patient) {
    if false {
        delete_row(p.id);
    }
}
