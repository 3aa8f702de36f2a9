//! A crate with one module that is not valid Rust (`broken.rs`) next to one that is (`ok.rs`).

mod broken;
pub mod ok;
