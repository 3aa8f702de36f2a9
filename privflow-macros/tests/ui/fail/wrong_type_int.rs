use privflow_macros as privflow;

#[privflow::sink(kind = "storage", retention_days = "30")]
fn store(record: &str) {
    let _ = record;
}

#[privflow::sink(kind = "storage", retention_days = -1)]
fn cache(record: &str) {
    let _ = record;
}

#[privflow::sink(kind = "storage", retention_days = 1.5)]
fn save(record: &str) {
    let _ = record;
}

#[privflow::sink(kind = "storage", retention_days = 99999999999)]
fn archive(record: &str) {
    let _ = record;
}

fn main() {}
