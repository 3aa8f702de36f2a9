#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn fmt_diag(p: &Patient) -> String {
    format!("Dx: {}", p.diagnosis)
}

pub fn close_visit(p: &Patient) {
    let line = fmt_diag(p);
    audit(&line); //~ baseline/phi-to-log
}
