//! The expectations written inline in fixture code: `//~ pack/rule` on the line a finding must
//! point at (several ids separated by spaces), and `//! privflow-suite: todo -- why` for a case
//! that documents a known gap.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// (file relative to the workspace root, line, rule id).
pub type Key = (String, u32, String);

/// Every `.rs` file under `dir` (not under `target/`), sorted.
pub fn rs_files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                if p.file_name().map(|n| n != "target").unwrap_or(true) {
                    walk(&p, out);
                }
            } else if p.extension().map(|x| x == "rs").unwrap_or(false) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

/// The markers of the crate in `dir`, with file names relative to `root` (the workspace root
/// findings are reported against), and the todo reason if the crate is marked todo.
pub fn read(dir: &Path, root: &Path) -> (BTreeSet<Key>, Option<String>) {
    let mut expected = BTreeSet::new();
    let mut todo = None;
    for f in rs_files(dir) {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let rel = f
            .strip_prefix(root)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        for (i, line) in text.lines().enumerate() {
            if let Some(pos) = line.find("privflow-suite: todo") {
                let why = line[pos..]
                    .split_once("--")
                    .map(|(_, w)| w.trim().to_string())
                    .unwrap_or_default();
                todo = Some(why);
            }
            if let Some(pos) = line.find("//~") {
                for rule in line[pos + 3..].split_whitespace() {
                    if rule.contains('/') {
                        expected.insert((rel.clone(), i as u32 + 1, rule.to_string()));
                    }
                }
            }
        }
    }
    (expected, todo)
}
