#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn export(p: &Patient) {
    let mut lines: Vec<String> = Vec::new();
    lines.push(format!("id={}", p.id));
    lines.push(format!("dx={}", p.diagnosis));
    audit(&lines.concat()); //~ baseline/phi-to-log
}
