#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

// `[first, .., last]` counts `last` from the end: neither is the middle element.
pub fn show(p: &Patient) {
    let row = vec![p.id.to_string(), p.diagnosis.clone(), String::from("end")];
    if let [first, .., last] = row.as_slice() {
        audit(first);
        audit(last);
    }
}
