//! privflow-suite: todo -- a closure stored in a struct field and called through it needs closure-value tracking across functions
#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

pub struct Hook {
    pub on_close: Box<dyn Fn(&str)>,
}

pub fn install() -> Hook {
    Hook { on_close: Box::new(|line| audit(line)) } //~ baseline/phi-to-log
}

pub fn close_visit(h: &Hook, p: &Patient) {
    (h.on_close)(&p.diagnosis);
}
