//! A predicate features cannot decide (`unix`, `not(feature) && debug_assertions`) keeps the code
//! in: privflow would rather analyse code that is not compiled than miss code that is.
#[privflow::data]
pub struct Visit {
    #[phi]
    pub diagnosis: String,
}

fn main() {
    let v = Visit { diagnosis: String::new() };
    #[cfg(unix)]
    println!("{}", v.diagnosis); //~ baseline/phi-to-log
    #[cfg(all(not(feature = "quiet"), debug_assertions))]
    eprintln!("{}", v.diagnosis); //~ baseline/phi-to-log
}
