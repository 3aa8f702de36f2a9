use privflow_macros as privflow;

#[privflow::allow(rule = "pii-to-log", reason = "audit log")]
fn a(name: &str) {
    let _ = name;
}

#[privflow::allow(rule = "Baseline/PII_to_log", reason = "audit log")]
fn b(name: &str) {
    let _ = name;
}

#[privflow::allow(rule = "baseline/pii-to-log/extra", reason = "audit log")]
fn c(name: &str) {
    let _ = name;
}

#[privflow::allow("baseline/pii-to-log", reason = "audit log")]
fn d(name: &str) {
    let _ = name;
}

fn main() {}
