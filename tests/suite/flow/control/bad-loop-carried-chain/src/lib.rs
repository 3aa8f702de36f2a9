#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

// The diagnosis reaches `a` only on the third iteration, through `c` and `b`: the loop is
// followed until what reaches its head stops changing, not a fixed two times.
pub fn rotate(p: &Patient, rounds: u32) {
    let mut a = String::new();
    let mut b = String::new();
    let mut c = String::new();
    for _ in 0..rounds {
        audit(&a); //~ baseline/phi-to-log
        a = b.clone();
        b = c.clone();
        c = p.diagnosis.clone();
    }
}
