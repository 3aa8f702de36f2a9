//! The attributes imported by name, and spelt with the crate's own name.

use privflow_macros::{consent, data, erases, phi, pii, sanitizer, sink, source};

#[data]
pub struct Patient {
    #[pii(category = "user.name")]
    pub name: String,
    #[phi]
    pub diagnosis: String,
}

#[pii]
pub type Name = String;

#[phi(subject = "patient")]
pub struct Vitals;

#[source(phi)]
fn read() -> String {
    String::new()
}

#[sink(kind = "log")]
fn log(_s: &str) {}

#[sanitizer(hash)]
fn h(s: &str) -> usize {
    s.len()
}

#[consent(purpose = "marketing")]
fn ok() -> bool {
    true
}

#[erases(Patient)]
fn forget() {}

// `allow` is also a built-in attribute: a bare `#[allow(..)]` is ambiguous,
// so it is always spelt with its crate.
#[privflow_macros::allow(rule = "baseline/pii-to-log", reason = "demo")]
fn demo() {}

#[privflow_macros::data]
struct Other {
    #[privflow_macros::phi]
    x: u8,
}

#[privflow_macros::sink(kind = "storage")]
fn store(_x: u8) {}

fn main() {
    let p = Patient { name: String::new(), diagnosis: read() };
    log(&p.name);
    let _: Name = p.diagnosis;
    let _ = (Vitals, h("x"), ok());
    forget();
    demo();
    store(Other { x: 1 }.x);
}
