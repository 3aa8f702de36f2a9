#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

/// A report line whose sum keeps the counts only: `+` runs this impl.
#[derive(Default)]
pub struct Tally {
    pub visits: u64,
    pub note: String,
}

impl std::ops::Add for Tally {
    type Output = Tally;
    fn add(self, other: Tally) -> Tally {
        Tally { visits: self.visits + other.visits, note: String::new() }
    }
}

pub fn show(p: &Patient) {
    let seen = Tally { visits: 1, note: p.diagnosis.clone() };
    let total = seen + Tally::default();
    audit(&total.note);
}
