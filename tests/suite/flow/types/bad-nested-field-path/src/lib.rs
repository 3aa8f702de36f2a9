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

pub fn discharge(visit: &Visit) {
    audit(&visit.patient.diagnosis); //~ baseline/phi-to-log
}
