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

/// The enabled features of `package`.
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
