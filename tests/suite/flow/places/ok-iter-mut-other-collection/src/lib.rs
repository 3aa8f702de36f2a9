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
    let mut lines = vec![String::new(); 3];
    let mut shown = vec![String::new(); 3];
    for l in lines.iter_mut() {
        *l = p.diagnosis.clone();
    }
    for s in shown.iter_mut() {
        s.push('-');
    }
    audit(&shown[1]);
}
