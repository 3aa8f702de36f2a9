use privflow_macros as privflow;

#[privflow::sink(knid = "log")]
fn log_line(line: &str) {
    let _ = line;
}

#[privflow::sink(kind = "storage", Region = "DE", retention = 30)]
fn store(record: &str) {
    let _ = record;
}

fn main() {}
