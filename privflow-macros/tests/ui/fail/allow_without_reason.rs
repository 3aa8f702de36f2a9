use privflow_macros as privflow;

#[privflow::allow(rule = "baseline/pii-to-log")]
fn audit(name: &str) {
    let _ = name;
}

#[privflow::allow(rule = "baseline/pii-to-log", reason = " ")]
fn audit2(name: &str) {
    let _ = name;
}

#[privflow::allow(reason = "the audit log is required")]
fn audit3(name: &str) {
    let _ = name;
}

fn main() {}
