#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn fmt_ref(p: &Patient) -> String {
    format!("patient #{}", p.id)
}

pub fn close_visit(p: &Patient) {
    let line = fmt_ref(p);
    audit(&line);
}
