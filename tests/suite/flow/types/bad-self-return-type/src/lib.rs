#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

pub struct Visit {
    pub room: u32,
    pub patient: Patient,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

impl Visit {
    pub fn reopen(&self) -> Self {
        Self { room: self.room, patient: self.patient.clone() }
    }
}

pub fn follow_up(v: &Visit) {
    let again = v.reopen();
    audit(&again.patient.diagnosis); //~ baseline/phi-to-log
}
