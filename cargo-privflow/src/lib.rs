//! privflow: checks a Rust workspace's flows of personal and health data against the rules of a
//! privacy statement, without compiling it.
//!
//! Layers, each depending only on the ones before it (see ARCHITECTURE.md):
//! `workspace` (manifests, config: I/O) → `syntax` (files → IR) → `hir` (items, name
//! resolution, types) → `flow` (data-flow facts) → `rules` (packs → findings) → `report`
//! (human, JSON, SARIF). [`check`] is the I/O shell that runs them in order; the binary is a
//! thin layer over it.

pub mod baseline;
pub mod cli;
pub mod driver;
pub mod facts;
pub mod flow;
pub mod hir;
pub mod init;
pub mod map;
pub mod model;
pub mod report;
pub mod rules;
pub mod suggest;
pub mod syntax;
pub mod workspace;

pub use driver::{check, CheckOptions};
pub use model::*;
