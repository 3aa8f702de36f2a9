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
pub struct Message {
    to: String,
    body: String,
}

impl Message {
    pub fn to(mut self, to: &str) -> Self {
        self.to = to.to_string();
        self
    }

    pub fn body(mut self, b: &str) -> Self {
        self.body = b.to_string();
        self
    }

    pub fn text(&self) -> String {
        format!("{}: {}", self.to, self.body)
    }
}

pub fn notify(p: &Patient) {
    let reminder = Message::default().to("front-desk").body("Bring your insurance card");
    let result = Message::default().to("front-desk").body(&p.diagnosis);
    audit(&reminder.text());
    audit(&result.text()); //~ baseline/phi-to-log
}
