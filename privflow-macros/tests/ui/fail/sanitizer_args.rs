use privflow_macros as privflow;

#[privflow::sanitizer]
fn a(data: &str) -> String {
    data.to_owned()
}

#[privflow::sanitizer(hash, redact)]
fn b(data: &str) -> String {
    data.to_owned()
}

#[privflow::sanitizer("redact")]
fn c(data: &str) -> String {
    data.to_owned()
}

#[privflow::sanitizer(kind = "hash")]
fn d(data: &str) -> String {
    data.to_owned()
}

#[privflow::sanitizer(std::hash)]
fn e(data: &str) -> String {
    data.to_owned()
}

fn main() {}
