#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

/// A sum that moves the note into the summary: `+` runs this impl, so the summary carries it.
#[derive(Default)]
pub struct Tally {
    pub note: String,
    pub summary: String,
}

impl std::ops::Add for Tally {
    type Output = Tally;
    fn add(self, other: Tally) -> Tally {
        Tally { note: String::new(), summary: format!("{} {}", self.note, other.summary) }
    }
}

pub fn show(p: &Patient) {
    let seen = Tally { note: p.diagnosis.clone(), summary: String::new() };
    let total = seen + Tally::default();
    audit(&total.summary); //~ baseline/phi-to-log
}
