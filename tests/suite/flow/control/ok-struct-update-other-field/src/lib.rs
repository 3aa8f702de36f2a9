#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

/// An outgoing letter; no markers of its own.
#[derive(Clone)]
pub struct Letter {
    pub subject: String,
    pub body: String,
}

pub fn follow_up(p: &Patient) {
    let base = Letter { subject: "Your visit".into(), body: String::new() };
    let second = Letter { body: p.diagnosis.clone(), ..base };
    audit(&second.subject);
}
