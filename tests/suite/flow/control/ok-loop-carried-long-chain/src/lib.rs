#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

// The same long chain fed with the id: after widening the loop head, still nothing personal.
pub fn rotate(p: &Patient, rounds: u32) {
    let mut a = String::new();
    let mut b = String::new();
    let mut c = String::new();
    let mut d = String::new();
    let mut e = String::new();
    for _ in 0..rounds {
        audit(&a);
        a = b.clone();
        b = c.clone();
        c = d.clone();
        d = e.clone();
        e = p.id.to_string();
    }
}
