//! A glob import works in a module that has no `#[allow(..)]` lint
//! attribute, not even on the `mod` item itself, which resolves inside the
//! module (see fail/glob_import_shadows_allow.rs).

mod model {
    use privflow_macros::*;

    #[data]
    pub struct Patient {
        #[phi]
        pub diagnosis: String,
    }

    #[sink(kind = "log")]
    pub fn log(line: &str) -> usize {
        line.len()
    }
}

fn main() {
    let p = model::Patient { diagnosis: String::new() };
    model::log(&p.diagnosis);
}
