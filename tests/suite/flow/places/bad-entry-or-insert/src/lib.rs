#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

use std::collections::HashMap;

pub fn show(ward: &[Patient]) {
    let mut by_id: HashMap<u64, String> = HashMap::new();
    for p in ward {
        by_id.entry(p.id).or_insert_with(String::new).push_str(&p.diagnosis);
    }
    let mut counts: HashMap<u64, String> = HashMap::new();
    for p in ward {
        *counts.entry(p.id).or_default() = p.diagnosis.clone();
    }
    for (_, d) in &by_id {
        audit(d); //~ baseline/phi-to-log
    }
    audit(&counts[&1]); //~ baseline/phi-to-log
}
