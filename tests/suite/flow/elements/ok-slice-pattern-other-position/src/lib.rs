#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

// `let [x, y] = ..` binds each position to its own element.
pub fn show(p: &Patient) {
    let [label, _diagnosis] = [p.id.to_string(), p.diagnosis.clone()];
    audit(&label);
}
