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
pub struct Reminder {
    text: String,
}

impl Reminder {
    pub fn set_text(&mut self, t: &str) {
        self.text = t.to_string();
    }

    pub fn fire(&self) {
        audit(&self.text); //~ baseline/phi-to-log
    }
}

pub fn schedule(p: &Patient) {
    let mut r = Reminder::default();
    r.set_text(&p.diagnosis);
    r.fire();
}
