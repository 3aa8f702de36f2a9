#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn nightly(patients: &Vec<Patient>) {
    for p in patients {
        audit(&p.id.to_string());
    }
}
