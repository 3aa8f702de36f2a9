//! A workspace fn handed to `and_then` as a fn item passes the diagnosis on (its summary applies).
#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: Option<String>,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn headline(d: String) -> Option<String> {
    d.lines().next().map(|l| l.to_string())
}

pub fn close_visit(p: &Patient) {
    let first = p.diagnosis.clone().and_then(headline).unwrap_or_default();
    audit(&first); //~ baseline/phi-to-log
}
