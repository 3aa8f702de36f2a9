#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn l1(s: &str) { l2(s) }
fn l2(s: &str) { l3(s) }
fn l3(s: &str) { l4(s) }
fn l4(s: &str) { l5(s) }
fn l5(s: &str) {
    audit(s);
}

pub fn close_visit(p: &Patient) {
    l1(&p.id.to_string());
}
