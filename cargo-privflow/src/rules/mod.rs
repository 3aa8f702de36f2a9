//! The rules layer: rule packs (TOML, `rules/README.md`), the region table, and the engine that
//! turns flow facts into findings.

pub mod catalog;
mod checks;
pub mod engine;
pub mod pack;
pub mod regions;
mod remedy;

pub use catalog::catalog;
