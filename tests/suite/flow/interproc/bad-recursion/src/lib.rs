#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn retry(line: &str, attempts: u32) {
    if attempts == 0 {
        audit(line); //~ baseline/phi-to-log
        return;
    }
    retry(line, attempts - 1)
}

pub fn close_visit(p: &Patient) {
    retry(&p.diagnosis, 3);
}
