#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

impl Patient {
    pub fn log_summary(&self) {
        audit(&self.diagnosis); //~ baseline/phi-to-log
    }
}
