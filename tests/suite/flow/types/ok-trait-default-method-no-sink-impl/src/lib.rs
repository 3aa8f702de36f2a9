#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub trait Reporter {
    fn emit(&self, line: &str);

    fn report(&self, p: &Patient) {
        self.emit(&p.diagnosis);
    }
}

pub struct Screen;

impl Reporter for Screen {
    fn emit(&self, _line: &str) {}
}

pub struct Pane;

impl Reporter for Pane {
    fn emit(&self, _line: &str) {}
}
