#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[privflow::sanitizer(pseudonymize)]
pub fn pseudonym(s: &str) -> String {
    format!("P-{}", s.len())
}

pub fn close_visit(p: &Patient) {
    let alias = pseudonym(&p.diagnosis);
    audit(&alias); //~ baseline/phi-to-log
}
