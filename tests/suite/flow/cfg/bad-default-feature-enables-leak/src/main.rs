//! `verbose-audit` is enabled through `default` → `audit` → `verbose-audit`: its code is analysed.
#[privflow::data]
pub struct Visit {
    #[phi]
    pub diagnosis: String,
}

#[cfg(feature = "verbose-audit")]
fn audit(v: &Visit) {
    println!("visit closed: {}", v.diagnosis); //~ baseline/phi-to-log
}

#[cfg(not(feature = "verbose-audit"))]
fn audit(v: &Visit) {
    println!("visit closed: {}", v.diagnosis); // not compiled with the default features
}

fn main() {
    audit(&Visit { diagnosis: String::new() });
}
