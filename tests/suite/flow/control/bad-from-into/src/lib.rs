#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub struct Summary {
    pub text: String,
}

impl From<&Patient> for Summary {
    fn from(p: &Patient) -> Self {
        Summary { text: format!("#{}: {}", p.id, p.diagnosis) }
    }
}

pub fn close_visit(p: &Patient) {
    let s: Summary = p.into();
    audit(&s.text); //~ baseline/phi-to-log
}
