//! A known pitfall, not an error of this crate: `allow` is also rustc's
//! built-in lint attribute, so a glob import of the crate makes every
//! `#[allow(..)]` in that module ambiguous. Import the attributes by name,
//! or spell them `#[privflow::..]`.

use privflow_macros::*;

#[data]
#[allow(non_camel_case_types)]
struct patient {
    #[phi]
    diagnosis: String,
}

fn main() {
    let _ = patient { diagnosis: String::new() }.diagnosis;
}
