#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn show(p: &Patient) {
    let mut lines = vec![String::new()];
    if let Some(first) = lines.get_mut(0) {
        *first = p.diagnosis.clone();
    }
    audit(&lines[0]); //~ baseline/phi-to-log
    let mut more = vec![String::new()];
    *more.last_mut().unwrap() = p.diagnosis.clone();
    audit(&more.join(",")); //~ baseline/phi-to-log
}
