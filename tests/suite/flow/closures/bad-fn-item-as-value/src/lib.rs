//! privflow-suite: todo -- a sink fn passed as a fn pointer is called through a parameter
#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn apply(f: fn(&str), s: &str) {
    f(s); //~ baseline/phi-to-log
}

pub fn close_visit(p: &Patient) {
    apply(audit, &p.diagnosis);
}
