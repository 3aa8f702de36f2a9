#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

/// In-process cache, gone on restart.
#[privflow::sink(kind = "storage", persistent = false)]
pub fn cache_put(_key: u64, _value: &str) {}

pub fn open_chart(p: &Patient) {
    cache_put(p.id, &p.diagnosis);
}
