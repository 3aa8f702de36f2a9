#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[derive(Default)]
pub struct Tracker {
    last: String,
}

impl Tracker {
    pub fn record(&mut self, p: &Patient) {
        self.last = format!("#{}", p.id);
    }

    pub fn flush(&self) {
        audit(&self.last);
    }
}
