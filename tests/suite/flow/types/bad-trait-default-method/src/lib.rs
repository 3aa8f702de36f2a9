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
        self.emit(&p.diagnosis); //~ baseline/phi-to-log
    }
}

pub struct Screen;

impl Reporter for Screen {
    fn emit(&self, _line: &str) {}
}

pub struct AuditTrail;

impl Reporter for AuditTrail {
    #[privflow::sink(kind = "log")]
    fn emit(&self, _line: &str) {}
}
