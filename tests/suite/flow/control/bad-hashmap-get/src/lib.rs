#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

use std::collections::HashMap;

pub fn index(ward: &[Patient]) {
    let mut by_id = HashMap::new();
    for p in ward {
        by_id.insert(p.id, p.diagnosis.clone());
    }
    if let Some(d) = by_id.get(&7) {
        audit(d); //~ baseline/phi-to-log
    }
}
