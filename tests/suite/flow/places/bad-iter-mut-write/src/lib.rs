#[privflow::data]
#[derive(Debug, Clone, Default)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub fn redo(p: &Patient, lines: &mut Vec<String>) {
    for l in lines.iter_mut() {
        *l = p.diagnosis.clone();
    }
}

pub fn show(p: &Patient) {
    let mut lines = vec![String::new(); 3];
    redo(p, &mut lines);
    audit(&lines[1]); //~ baseline/phi-to-log
}
