#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::sanitizer(anonymize)]
pub fn generalize(code: &str) -> String {
    code.chars().take(1).collect()
}

pub fn close_visit(p: &Patient) {
    let chapter = generalize(&p.diagnosis);
    audit(&format!("ICD chapter {chapter}"));
}
