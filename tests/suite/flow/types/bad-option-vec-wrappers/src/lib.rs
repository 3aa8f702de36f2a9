#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn maybe(p: Option<&Patient>) {
    if let Some(p) = p {
        audit(&p.diagnosis); //~ baseline/phi-to-log
    }
}

pub fn first(ward: &Vec<Patient>) {
    audit(&ward[0].diagnosis); //~ baseline/phi-to-log
}

pub fn slice(ward: &[Patient]) {
    if let Some(p) = ward.last() {
        audit(&p.diagnosis); //~ baseline/phi-to-log
    }
}
