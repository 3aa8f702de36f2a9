//! The erasure handler logs and returns: nothing is deleted.

#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "storage", region = "DE", encrypted = true)]
pub fn save(_p: &Patient) {}

#[privflow::erases(Patient)] //~ privflow/erasure-not-reached
pub fn delete_patient(p: &Patient) {
    log::info!("erasure requested for {}", p.id);
}
