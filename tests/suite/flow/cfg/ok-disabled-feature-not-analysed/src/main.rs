//! `debug-dump` is off by default: the module it gates is not compiled, so not analysed (its file
//! is not even read), and neither are gated statements and impl methods.
#[privflow::data]
pub struct Visit {
    #[phi]
    pub diagnosis: String,
}

#[cfg(feature = "debug-dump")]
mod dump;

impl Visit {
    #[cfg(any(feature = "debug-dump", all()))]
    pub fn id(&self) -> u32 {
        7
    }

    #[cfg(all(feature = "debug-dump", unix))]
    pub fn dump(&self) {
        eprintln!("{}", self.diagnosis);
    }
}

fn main() {
    let v = Visit { diagnosis: String::new() };
    #[cfg(feature = "debug-dump")]
    println!("{}", v.diagnosis);
    #[cfg(feature = "debug-dump")]
    let shown = v.diagnosis.clone();
    #[cfg(feature = "debug-dump")]
    println!("{shown}");
    println!("{}", v.id());
}

fn store(v: &Visit) -> Result<(), std::io::Error> {
    #[cfg(feature = "debug-dump")]
    std::fs::write("/tmp/visit", &v.diagnosis)?;
    #[cfg(feature = "debug-dump")]
    v.diagnosis.len().checked_add(1).map(|_| eprintln!("{}", v.diagnosis));
    Ok(())
}

pub fn close(v: &Visit) -> Result<(), std::io::Error> {
    store(v)
}

pub fn review(v: &Visit, flagged: bool) {
    #[cfg(feature = "debug-dump")]
    if flagged {
        eprintln!("{}", v.diagnosis);
    }
    #[cfg(feature = "debug-dump")]
    for _ in 0..1 {
        eprintln!("{}", v.diagnosis);
    }
    let _ = (v, flagged);
}
