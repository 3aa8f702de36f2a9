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
        *first = format!("patient {}", p.id);
    }
    audit(&lines[0]);
}
