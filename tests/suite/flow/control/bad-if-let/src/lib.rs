#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn show(p: Option<&Patient>) {
    if let Some(p) = p {
        audit(&p.diagnosis); //~ baseline/phi-to-log
    }
}
