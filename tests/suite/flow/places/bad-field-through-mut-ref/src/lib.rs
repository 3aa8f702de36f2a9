#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[derive(Default)]
pub struct Letter {
    pub body: String,
    pub to: String,
}

fn fill(l: &mut Letter, p: &Patient) {
    let body = &mut l.body;
    body.push_str(&p.diagnosis);
}

pub fn send(p: &Patient) {
    let mut letter = Letter::default();
    let r = &mut letter;
    r.to = p.diagnosis.clone();
    fill(&mut letter, p);
    audit(&letter.to); //~ baseline/phi-to-log
    audit(&letter.body); //~ baseline/phi-to-log
}
