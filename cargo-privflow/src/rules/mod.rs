//! (being written)

pub mod catalog;
pub use catalog::catalog;
