use privflow_macros as privflow;

#[privflow::sink("log")]
fn log_line(line: &str) {
    let _ = line;
}

#[privflow::sink(kind = "storage", encrypted)]
fn store(record: &str) {
    let _ = record;
}

#[privflow::sink(storage)]
fn save(record: &str) {
    let _ = record;
}

#[privflow::sink(kind = "log", [0])]
fn trace(line: &str) {
    let _ = line;
}

fn main() {}
