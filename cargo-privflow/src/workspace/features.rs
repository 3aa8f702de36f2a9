//! Cargo features: which ones are enabled for each package, as cargo would enable them for
//! `--features`, `--all-features` and `--no-default-features`. They decide which
//! `#[cfg(feature = "..")]` code is analysed.

use super::did_you_mean::close_matches;
use crate::driver::CheckOptions;
use crate::model::{Problem, ProblemKind, Severity};
use cargo_metadata::Package;
use std::collections::BTreeSet;

/// A feature the command line asks for: `feat` (every selected package that has it) or
/// `package/feat`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Requested {
    package: Option<String>,
    feature: String,
}

fn requested(opts: &CheckOptions) -> Vec<Requested> {
    opts.features
        .iter()
        .flat_map(|f| f.split(|c: char| c == ',' || c.is_whitespace()))
        .filter(|f| !f.is_empty())
        .map(|f| match f.split_once('/') {
            Some((p, feat)) => Requested {
                package: Some(p.to_string()),
                feature: feat.to_string(),
            },
            None => Requested {
                package: None,
                feature: f.to_string(),
            },
        })
        .collect()
}

/// The enabled features of each selected package, unified as cargo unifies them when it builds
/// the selection together (`cargo check --workspace`): a package's own (defaults, `--features`,
/// `--all-features`), and those that other selected packages enable on it, by their dependency
/// on it (`lemmy_db_schema = { .., features = ["full"] }`) or by a feature of theirs
/// (`full = ["lemmy_db_schema/full"]`). Without this, code behind a feature only dependents
/// turn on (`#[cfg(feature = "full")] mod impls;`) would not be analysed.
pub fn enabled_unified(selected: &[&Package], opts: &CheckOptions) -> Vec<BTreeSet<String>> {
    let mut on: Vec<BTreeSet<String>> = selected.iter().map(|p| enabled(p, opts)).collect();
    let index_of = |name: &str| selected.iter().position(|p| p.name.as_str() == name);
    // Sets only grow, within the features the packages define: a fixpoint.
    loop {
        let mut asked: Vec<(usize, String)> = Vec::new();
        for (i, p) in selected.iter().enumerate() {
            for d in &p.dependencies {
                if d.kind == cargo_metadata::DependencyKind::Development {
                    continue;
                }
                let Some(q) = index_of(&d.name) else { continue };
                let local = d.rename.as_deref().unwrap_or(&d.name);
                let active = !d.optional
                    || on[i].iter().any(|f| {
                        p.features.get(f).into_iter().flatten().any(|v| {
                            v == &format!("dep:{local}")
                                || v == local
                                || v.starts_with(&format!("{local}/"))
                        })
                    });
                if !active {
                    continue;
                }
                if d.uses_default_features {
                    asked.push((q, "default".to_string()));
                }
                asked.extend(d.features.iter().map(|f| (q, f.clone())));
                // `full = ["lemmy_db_schema/full"]`, `x?/y` (only when `x` is enabled: it is).
                for f in &on[i] {
                    for v in p.features.get(f).into_iter().flatten() {
                        let dep_feat = v
                            .strip_prefix(&format!("{local}/"))
                            .or_else(|| v.strip_prefix(&format!("{local}?/")));
                        if let Some(feat) = dep_feat {
                            asked.push((q, feat.to_string()));
                        }
                    }
                }
            }
        }
        let mut changed = false;
        for (q, f) in asked {
            if selected[q].features.contains_key(&f) && !on[q].contains(&f) {
                on[q] = closure(selected[q], on[q].iter().cloned().chain([f]).collect());
                changed = true;
            }
        }
        if !changed {
            return on;
        }
    }
}

/// The enabled features of `package`, on its own.
pub fn enabled(package: &Package, opts: &CheckOptions) -> BTreeSet<String> {
    let defined = &package.features;
    let mut todo: Vec<String> = Vec::new();
    if opts.all_features {
        todo.extend(defined.keys().cloned());
    }
    if !opts.no_default_features && defined.contains_key("default") {
        todo.push("default".to_string());
    }
    for r in requested(opts) {
        let for_this = r
            .package
            .as_deref()
            .map_or(true, |p| p == package.name.as_str());
        if for_this && defined.contains_key(&r.feature) {
            todo.push(r.feature);
        }
    }
    closure(package, todo)
}

/// `todo` and the features they enable in turn.
fn closure(package: &Package, mut todo: Vec<String>) -> BTreeSet<String> {
    let defined = &package.features;
    let mut on = BTreeSet::new();
    while let Some(f) = todo.pop() {
        if !on.insert(f.clone()) {
            continue;
        }
        for v in defined.get(&f).into_iter().flatten() {
            // `dep:x` enables a dependency, not a feature; `x?/y` does not enable `x`.
            if v.starts_with("dep:") || v.contains("?/") {
                continue;
            }
            let name = v.split_once('/').map_or(v.as_str(), |(a, _)| a);
            if defined.contains_key(name) {
                todo.push(name.to_string());
            }
        }
    }
    on
}

/// `--features` names that no selected package defines: errors (the analysis would not be of the
/// code the user asked for).
pub fn unknown(selected: &[&Package], opts: &CheckOptions) -> Vec<Problem> {
    let mut problems = Vec::new();
    for r in requested(opts) {
        let candidates: Vec<&&Package> = selected
            .iter()
            .filter(|p| r.package.as_deref().map_or(true, |n| n == p.name.as_str()))
            .collect();
        if candidates.is_empty() {
            if let Some(p) = &r.package {
                problems.push(problem(format!(
                    "`--features {p}/{}` names package `{p}`, which is not selected",
                    r.feature
                )));
            }
            continue;
        }
        if candidates
            .iter()
            .any(|p| p.features.contains_key(&r.feature))
        {
            continue;
        }
        let known: BTreeSet<&str> = candidates
            .iter()
            .flat_map(|p| p.features.keys().map(String::as_str))
            .collect();
        let mut message = match &r.package {
            Some(p) => format!("package `{p}` has no feature `{}`", r.feature),
            None => format!("no selected package has a feature `{}`", r.feature),
        };
        if let Some(hint) = close_matches(&r.feature, known.iter().copied())
            .into_iter()
            .next()
        {
            message.push_str(&format!(" (did you mean `{hint}`?)"));
        } else if known.is_empty() {
            message.push_str(" (the selected packages define no features)");
        }
        problems.push(problem(message));
    }
    problems
}

fn problem(message: String) -> Problem {
    Problem {
        kind: ProblemKind::Manifest,
        severity: Severity::Error,
        file: None,
        line: None,
        column: None,
        message,
    }
}
