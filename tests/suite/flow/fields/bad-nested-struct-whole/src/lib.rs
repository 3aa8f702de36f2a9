#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

#[derive(Debug)]
pub struct Visit {
    pub room: u32,
    pub patient: Patient,
}

pub fn discharge(v: &Visit) {
    audit(&format!("{:?}", v)); //~ baseline/phi-to-log
}
