#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn fill(out: &mut Vec<String>, p: &Patient) {
    out.push(p.diagnosis.clone());
}

pub fn summary(p: &Patient) {
    let mut lines = Vec::new();
    fill(&mut lines, p);
    audit(&lines.join("; ")); //~ baseline/phi-to-log
}
