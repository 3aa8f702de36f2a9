use privflow_macros as privflow;

#[privflow::sink(region = "DE", encrypted = true)]
fn store(record: &str) {
    let _ = record;
}

#[privflow::sink]
fn log_line(line: &str) {
    let _ = line;
}

fn main() {}
