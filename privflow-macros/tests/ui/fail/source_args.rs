use privflow_macros as privflow;

#[privflow::source]
fn a() -> String {
    String::new()
}

#[privflow::source(category = "user.name")]
fn b() -> String {
    String::new()
}

#[privflow::source(pi, category = "user.name")]
fn c() -> String {
    String::new()
}

#[privflow::source(category = "user.name", pii)]
fn d() -> String {
    String::new()
}

#[privflow::source("phi")]
fn e() -> String {
    String::new()
}

#[privflow::source(pii, phi)]
fn f() -> String {
    String::new()
}

#[privflow::source(personal)]
fn g() -> String {
    String::new()
}

#[privflow::source(pii, patient)]
fn h() -> String {
    String::new()
}

fn main() {}
