#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

/// Whether a lookup or a read succeeded is not the data it was given: `is_ok`, `is_some`,
/// `is_err` and `is_none` give a bool that holds none of it.
pub fn audit(p: &Patient, cache: &std::collections::HashMap<String, u64>) {
    let cached = cache.get(&p.diagnosis).is_some();
    let readable = std::fs::read_to_string(&p.diagnosis).is_ok();
    let missing = cache.get(&p.diagnosis).is_none() || std::fs::metadata(&p.diagnosis).is_err();
    log::info!("cached={} readable={} missing={}", cached, readable, missing);
}
