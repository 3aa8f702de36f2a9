#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

/// The value itself (not which variant it is) still carries what it was built from.
pub fn audit(p: &Patient, cache: &std::collections::HashMap<String, u64>) {
    let read = std::fs::read_to_string(&p.diagnosis);
    let cached = cache.get(&p.diagnosis).is_some();
    log::info!("read={:?} cached={}", read, cached); //~ baseline/phi-to-log
}
