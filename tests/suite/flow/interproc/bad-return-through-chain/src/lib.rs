#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn r1(p: &Patient) -> String { r2(p) }
fn r2(p: &Patient) -> String { r3(p).to_uppercase() }
fn r3(p: &Patient) -> String { r4(p) }
fn r4(p: &Patient) -> String { format!("[{}]", r5(p)) }
fn r5(p: &Patient) -> &str { &p.diagnosis }

pub fn close_visit(p: &Patient) {
    audit(&r1(p)); //~ baseline/phi-to-log
}
