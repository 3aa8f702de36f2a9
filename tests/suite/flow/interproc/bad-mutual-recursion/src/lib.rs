#[privflow::data]
#[derive(Debug, Clone)]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}

#[privflow::sink(kind = "log")]
pub fn audit(_line: &str) {}

fn ping(line: &str, n: u32) {
    if n == 0 {
        audit(line); //~ baseline/phi-to-log
    } else {
        pong(line, n - 1);
    }
}

fn pong(line: &str, n: u32) {
    ping(line, n)
}

pub fn close_visit(p: &Patient) {
    pong(&p.diagnosis, 4);
}
