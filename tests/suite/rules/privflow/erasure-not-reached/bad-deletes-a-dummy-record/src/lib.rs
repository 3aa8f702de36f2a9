//! The delete call is given a record built on the spot, not the patient to erase.

#[derive(Default)]
pub struct Patient {
    pub id: u64,
}

#[privflow::sink(kind = "storage", op = "delete", region = "DE")]
pub fn remove(_p: &Patient) {}

#[privflow::erases(Patient)] //~ privflow/erasure-not-reached
pub fn delete_patient(_p: &Patient) {
    let dummy = Patient::default();
    remove(&dummy);
}
