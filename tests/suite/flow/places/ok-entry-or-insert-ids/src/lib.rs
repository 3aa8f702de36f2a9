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
        *by_id.entry(p.id).or_default() = p.id.to_string();
    }
    audit(&by_id[&1]);
}
