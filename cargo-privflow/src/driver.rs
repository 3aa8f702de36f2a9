//! The I/O shell: load the workspace, read and parse its files, run the pure analysis.

use crate::model::Report;
use std::path::PathBuf;

/// What to analyse and with which rules (the `check` command's options).
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// `--manifest-path`; default: the `Cargo.toml` found from the current directory upwards.
    pub manifest_path: Option<PathBuf>,
    /// `-p/--package` (repeatable); empty = the default members (or all with `workspace`).
    pub packages: Vec<String>,
    /// `--workspace`: every member.
    pub workspace: bool,
    /// `--exclude` (with `--workspace`).
    pub exclude: Vec<String>,
    /// `--rules` (repeatable): pack ids or paths to pack files; overrides the config's `rules`.
    pub rules: Vec<String>,
}

/// Runs the analysis. Never panics; every problem is in the report's `problems`.
pub fn check(_opts: &CheckOptions) -> Report {
    Report::default()
}
