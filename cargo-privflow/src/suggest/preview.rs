//! `suggest --preview`: what `cargo privflow` would find with the suggestions applied. The
//! workspace is copied to a temporary directory (sources and manifests; no `target/`, no
//! `.git`, no links), the suggestions are applied there, and the normal check runs on the copy;
//! the user's files are never touched. Findings are counted per rule, now and then.

use super::{apply, Outcome, SuggestOptions};
use crate::driver::check;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Findings per rule: (rule, now, with the suggestions).
pub type Counts = Vec<(String, usize, usize)>;

/// Files larger than this are not copied (generated data, fixtures): the analysis reads Rust
/// sources and manifests only.
const MAX_COPY_BYTES: u64 = 4 * 1024 * 1024;

/// Runs the preview. Errors name what could not be done (the copy, most likely).
pub fn preview(out: &Outcome, opts: &SuggestOptions) -> Result<Counts, String> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let tmp = std::env::temp_dir().join(format!("privflow-preview-{}-{stamp}", std::process::id()));
    let result = (|| {
        copy_tree(&out.root, &tmp, 0).map_err(|e| format!("cannot copy the workspace: {e}"))?;
        let tmp = tmp.canonicalize().map_err(|e| e.to_string())?;
        let moved = relocate(out, &tmp);
        let applied = apply::apply(&moved);
        if let Some(p) = applied.problems.first() {
            return Err(format!("cannot apply the suggestions to the copy: {p}"));
        }
        let manifest = opts
            .check
            .manifest_path
            .clone()
            .or_else(|| {
                std::env::current_dir().ok().and_then(|d| {
                    d.ancestors()
                        .map(|a| a.join("Cargo.toml"))
                        .find(|m| m.is_file())
                })
            })
            .map(|m| m.canonicalize().unwrap_or(m))
            .unwrap_or_else(|| out.root.join("Cargo.toml"));
        let manifest = if manifest.is_dir() {
            manifest.join("Cargo.toml")
        } else {
            manifest
        };
        let mapped = match manifest.strip_prefix(&out.root) {
            Ok(rel) => tmp.join(rel),
            Err(_) => tmp.join("Cargo.toml"),
        };
        let now = check(&opts.check);
        let then = check(&crate::driver::CheckOptions {
            manifest_path: Some(mapped),
            ..opts.check.clone()
        });
        let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for f in &now.findings {
            counts.entry(f.rule.clone()).or_default().0 += 1;
        }
        for f in &then.findings {
            counts.entry(f.rule.clone()).or_default().1 += 1;
        }
        Ok(counts.into_iter().map(|(r, (a, b))| (r, a, b)).collect())
    })();
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

/// The outcome with every path moved from the workspace root to `to`.
fn relocate(out: &Outcome, to: &Path) -> Outcome {
    let map = |p: &Path| -> PathBuf {
        match p.strip_prefix(&out.root) {
            Ok(rel) => to.join(rel),
            Err(_) => p.to_path_buf(),
        }
    };
    Outcome {
        root: to.to_path_buf(),
        suggestions: out
            .suggestions
            .iter()
            .map(|s| super::Suggestion {
                path: map(&s.path),
                ..s.clone()
            })
            .collect(),
        problems: Vec::new(),
        unreadable: out.unreadable.clone(),
        packages: out
            .packages
            .iter()
            .map(|(m, files)| (map(m), files.clone()))
            .collect(),
    }
}

fn copy_tree(from: &Path, to: &Path, depth: u32) -> std::io::Result<()> {
    if depth > 64 {
        return Ok(());
    }
    std::fs::create_dir_all(to)?;
    let mut entries: Vec<_> = std::fs::read_dir(from)?.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        if matches!(
            name.to_str(),
            Some("target" | ".git" | "node_modules" | ".hg" | ".svn")
        ) {
            continue;
        }
        let ft = e.file_type()?;
        if ft.is_symlink() {
            continue;
        }
        let dst = to.join(&name);
        if ft.is_dir() {
            copy_tree(&e.path(), &dst, depth + 1)?;
        } else if ft.is_file() && e.metadata()?.len() <= MAX_COPY_BYTES {
            std::fs::copy(e.path(), &dst)?;
        }
    }
    Ok(())
}
