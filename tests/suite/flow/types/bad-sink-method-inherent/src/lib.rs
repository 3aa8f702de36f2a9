#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub struct AuditLog;
pub struct Notebook;

impl AuditLog {
    #[privflow::sink(kind = "log")]
    pub fn write(&self, _line: &str) {}
}

impl Notebook {
    pub fn write(&self, _line: &str) {}
}

pub fn close_visit(log: &AuditLog, notes: &Notebook, p: &Patient) {
    notes.write(&p.diagnosis);
    log.write(&p.diagnosis); //~ baseline/phi-to-log
}
