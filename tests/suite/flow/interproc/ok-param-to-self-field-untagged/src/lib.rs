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
        audit(&self.text);
    }
}

pub fn schedule(p: &Patient) {
    let mut r = Reminder::default();
    r.set_text(&format!("appointment for #{} tomorrow", p.id));
    r.fire();
}
