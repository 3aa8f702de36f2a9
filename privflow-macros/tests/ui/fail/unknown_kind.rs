use privflow_macros as privflow;

#[privflow::sink(kind = "logs")]
fn log_line(line: &str) {
    let _ = line;
}

#[privflow::sink(kind = "database")]
fn insert(row: &str) {
    let _ = row;
}

#[privflow::sink(kind = "carrier-pigeon")]
fn send(message: &str) {
    let _ = message;
}

fn main() {}
