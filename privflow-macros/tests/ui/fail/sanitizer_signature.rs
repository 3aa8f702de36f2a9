use privflow_macros as privflow;

#[privflow::sanitizer(redact)]
fn redact_in_place(data: &mut String) {
    data.clear();
}

#[privflow::sanitizer(anonymize)]
fn anonymous() -> String {
    String::new()
}

#[privflow::sanitizer(hash)]
struct Hasher;

fn main() {}
