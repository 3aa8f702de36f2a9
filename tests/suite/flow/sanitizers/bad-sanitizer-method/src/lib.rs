#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub struct Masker;

impl Masker {
    #[privflow::sanitizer(redact)]
    pub fn mask(&self, s: &str) -> String {
        "*".repeat(s.len())
    }

    pub fn upper(&self, s: &str) -> String {
        s.to_uppercase()
    }
}

pub fn close_visit(m: &Masker, p: &Patient) {
    audit(&m.mask(&p.diagnosis));
    audit(&m.upper(&p.diagnosis)); //~ baseline/phi-to-log
}
