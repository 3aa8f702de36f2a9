//! A crate that declares a module whose file does not exist.

mod missing;
pub mod ok;
