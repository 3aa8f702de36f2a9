use privflow_macros as privflow;

#[privflow::sink(kind = "storage", encrypted = "yes")]
fn store(record: &str) {
    let _ = record;
}

#[privflow::sink(kind = "storage", persistent = "false")]
fn cache(record: &str) {
    let _ = record;
}

#[privflow::sink(kind = "storage", encrypted = 1)]
fn save(record: &str) {
    let _ = record;
}

fn main() {}
