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
pub fn check(opts: &CheckOptions) -> Report {
    // Workspace loading (manifest, `cargo metadata`, `[*.metadata.privflow]`): a problem that
    // leaves nothing to analyse ends the run here, as an incomplete report (exit 2).
    let ws = match crate::workspace::load(opts) {
        Ok(ws) => ws,
        Err(problem) => {
            return Report {
                problems: vec![problem],
                ..Report::default()
            }
        }
    };
    let mut report = Report {
        problems: ws.problems.clone(),
        root: Some(ws.root.clone()),
        ..Report::default()
    };
    // ---- STUB (core developer: replace from here) -------------------------------------------
    // Read and parse `ws.targets`, run the packs (`opts.rules`, else the targets' `config.rules`,
    // else `baseline`), and fill `report.findings`, `report.problems`, `report.files`,
    // `report.packs`, `report.reach`.
    let _ = &ws.targets;
    report.packs = if opts.rules.is_empty() {
        vec!["baseline".to_string()]
    } else {
        opts.rules.clone()
    };
    // ---- END STUB ---------------------------------------------------------------------------
    report
}
