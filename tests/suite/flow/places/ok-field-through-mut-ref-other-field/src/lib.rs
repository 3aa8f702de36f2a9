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

pub fn send(p: &Patient) {
    let mut letter = Letter::default();
    let r = &mut letter;
    r.body = p.diagnosis.clone();
    audit(&letter.to);
}
