#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn apply<F: Fn(&str)>(f: F, s: &str) {
    f(s)
}

pub fn close_visit(p: &Patient) {
    apply(|x| audit(x), &p.diagnosis); //~ baseline/phi-to-log
}
