#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn show(ward: &[Patient]) {
    let Some(first) = ward.first() else {
        return;
    };
    audit(&first.diagnosis); //~ baseline/phi-to-log
}
