#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub enum Event {
    Diagnosed(String),
    Discharged(u64),
}

pub fn emit(e: Event) {
    match e {
        Event::Diagnosed(d) => audit(&d), //~ baseline/phi-to-log
        Event::Discharged(id) => audit(&id.to_string()),
    }
}

pub fn close_visit(p: &Patient) {
    emit(Event::Diagnosed(p.diagnosis.clone()));
    emit(Event::Discharged(p.id));
}
