use privflow_macros as privflow;

#[privflow::consent]
fn a() -> bool {
    true
}

#[privflow::consent("marketing")]
fn b() -> bool {
    true
}

#[privflow::consent(purpose = "marketing communications")]
fn c() -> bool {
    true
}

#[privflow::consent(purpose = "marketing")]
fn record_consent(user: u64) {
    let _ = user;
}

#[privflow::consent(marketing)]
fn e() -> bool {
    true
}

fn main() {}
