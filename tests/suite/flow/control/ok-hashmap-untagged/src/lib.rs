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
    let mut beds: HashMap<u64, u32> = HashMap::new();
    for (i, p) in ward.iter().enumerate() {
        beds.insert(p.id, i as u32);
    }
    if let Some(b) = beds.get(&7) {
        audit(&b.to_string());
    }
}
