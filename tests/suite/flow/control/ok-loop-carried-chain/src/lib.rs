#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

// The same chain carried around the loop, fed with the id: nothing personal reaches `a`.
pub fn rotate(p: &Patient, rounds: u32) {
    let mut a = String::new();
    let mut b = String::new();
    let mut c = String::new();
    for _ in 0..rounds {
        audit(&a);
        a = b.clone();
        b = c.clone();
        c = p.id.to_string();
    }
}
