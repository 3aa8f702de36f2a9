#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[cfg(test)]
fn dump(p: &Patient) {
    audit(&p.diagnosis);
}

#[test]
fn logs_sample() {
    let p = Patient { id: 1, diagnosis: "E11.9".into() };
    audit(&p.diagnosis);
}
