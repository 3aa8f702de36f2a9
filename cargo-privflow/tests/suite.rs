//! The labeled suite: every fixture crate under `tests/suite/` is analysed and its findings are
//! compared with the `//~ pack/rule` markers on its lines. Prints true/false positives, false
//! negatives, precision and recall; fails on any unexpected or missing finding, except in cases
//! marked `//! privflow-suite: todo -- why` (known gaps: counted and printed, not hidden).

use privflow::{check, CheckOptions, Severity};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;

use common::markers::Key;

struct Case {
    dir: PathBuf,
    todo: Option<String>,
    expected: BTreeSet<Key>,
}

fn suite_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/suite")
}

/// Fixture roots: directories whose Cargo.toml has a `[workspace]` table.
fn find_cases(dir: &Path, out: &mut Vec<PathBuf>) {
    let manifest = dir.join("Cargo.toml");
    if let Ok(text) = std::fs::read_to_string(&manifest) {
        if text.lines().any(|l| l.trim() == "[workspace]") {
            out.push(dir.to_path_buf());
            return;
        }
    }
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    entries.sort();
    for e in entries {
        if e.file_name().map(|n| n == "target").unwrap_or(false) {
            continue;
        }
        find_cases(&e, out);
    }
}

fn load_case(dir: &Path) -> Case {
    let (expected, todo) = common::markers::read(dir, dir);
    Case {
        dir: dir.to_path_buf(),
        todo,
        expected,
    }
}

struct Outcome {
    name: String,
    todo: Option<String>,
    tp: usize,
    fp: Vec<Key>,
    fn_: Vec<Key>,
    errors: Vec<String>,
}

fn run_case(case: &Case, root: &Path) -> Outcome {
    let report = check(&CheckOptions {
        manifest_path: Some(case.dir.join("Cargo.toml")),
        ..Default::default()
    });
    let actual: BTreeSet<Key> = report
        .findings
        .iter()
        .map(|f| {
            (
                f.sink.location.file.clone(),
                f.sink.location.line,
                f.rule.clone(),
            )
        })
        .collect();
    let tp = actual.intersection(&case.expected).count();
    let fp: Vec<Key> = actual.difference(&case.expected).cloned().collect();
    let fn_: Vec<Key> = case.expected.difference(&actual).cloned().collect();
    let errors: Vec<String> = report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| {
            format!(
                "{}:{} {}",
                p.file.clone().unwrap_or_default(),
                p.line.unwrap_or(0),
                p.message
            )
        })
        .collect();
    let name = case
        .dir
        .strip_prefix(root)
        .unwrap_or(&case.dir)
        .to_string_lossy()
        .to_string();
    Outcome {
        name,
        todo: case.todo.clone(),
        tp,
        fp,
        fn_,
        errors,
    }
}

#[test]
fn labeled_suite() {
    let root = suite_root();
    let mut dirs = Vec::new();
    find_cases(&root, &mut dirs);
    assert!(
        dirs.len() >= 80,
        "expected at least 80 fixture crates under {}, found {}",
        root.display(),
        dirs.len()
    );
    let cases: Vec<Case> = dirs.iter().map(|d| load_case(d)).collect();
    // Two workers: each case runs `cargo metadata` once.
    let outcomes: Vec<Outcome> = std::thread::scope(|s| {
        let half = cases.len() / 2;
        let (a, b) = cases.split_at(half);
        let ra = &root;
        let h1 = s.spawn(move || a.iter().map(|c| run_case(c, ra)).collect::<Vec<_>>());
        let h2 = s.spawn(move || b.iter().map(|c| run_case(c, ra)).collect::<Vec<_>>());
        let mut v = h1.join().expect("worker");
        v.extend(h2.join().expect("worker"));
        v
    });
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let (mut todo_cases, mut todo_passing) = (0usize, 0usize);
    let mut failures = Vec::new();
    for o in &outcomes {
        let clean = o.fp.is_empty() && o.fn_.is_empty() && o.errors.is_empty();
        if let Some(why) = &o.todo {
            todo_cases += 1;
            if clean {
                todo_passing += 1;
                println!("todo case now passes (remove its todo marker): {}", o.name);
            } else {
                println!("todo: {} -- {}", o.name, why);
            }
            continue;
        }
        tp += o.tp;
        fp += o.fp.len();
        fneg += o.fn_.len();
        if !clean {
            let mut msg = format!("{}:", o.name);
            for k in &o.fp {
                msg += &format!("\n    unexpected {} at {}:{}", k.2, k.0, k.1);
            }
            for k in &o.fn_ {
                msg += &format!("\n    missing    {} at {}:{}", k.2, k.0, k.1);
            }
            for e in &o.errors {
                msg += &format!("\n    error      {e}");
            }
            failures.push(msg);
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fneg == 0 {
        1.0
    } else {
        tp as f64 / (tp + fneg) as f64
    };
    let checked: Vec<&Case> = cases.iter().filter(|c| c.todo.is_none()).collect();
    let silent = checked.iter().filter(|c| c.expected.is_empty()).count();
    println!(
        "labeled suite: {} cases ({} todo, {} of them passing; {} checked, {silent} of them expect no finding); true positives {tp}, false positives {fp}, false negatives {fneg}; precision {precision:.3}, recall {recall:.3}",
        outcomes.len(),
        todo_cases,
        todo_passing,
        checked.len()
    );
    for f in &failures {
        println!("FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed (see the list above)",
        failures.len(),
        outcomes.len() - todo_cases
    );
}
