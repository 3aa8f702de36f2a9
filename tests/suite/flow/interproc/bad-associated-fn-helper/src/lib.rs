#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub struct Chart;

impl Chart {
    fn annotate(line: &str) {
        audit(line); //~ baseline/phi-to-log
    }

    pub fn close(p: &Patient) {
        Self::annotate(&p.diagnosis);
    }
}
