//! The example health apps (`examples/NN-*`), one per privacy statement: privflow must find
//! exactly the violations planted in each (the `//~ pack/rule` markers), nothing at all in the
//! `compliant` variant (`--features compliant`), and between them every rule id of SPEC §2.

mod common;

use common::markers::{self, Key};
use common::spec::SPEC_RULE_IDS;
use privflow::{check, CheckOptions, Report, Severity};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn examples_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

/// `examples/NN-name/` folders, in order.
fn apps() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(examples_root())
        .expect("examples/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("Cargo.toml").is_file())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.as_bytes().first().is_some_and(u8::is_ascii_digit))
        })
        .collect();
    out.sort();
    out
}

fn run(app: &Path, features: &[&str]) -> Report {
    check(&CheckOptions {
        manifest_path: Some(app.join("Cargo.toml")),
        features: features.iter().map(|f| f.to_string()).collect(),
        ..Default::default()
    })
}

fn keys(report: &Report) -> BTreeSet<Key> {
    report
        .findings
        .iter()
        .map(|f| {
            (
                f.sink.location.file.clone(),
                f.sink.location.line,
                f.rule.clone(),
            )
        })
        .collect()
}

fn errors(report: &Report) -> Vec<String> {
    report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| format!("{:?}:{:?} {}", p.file, p.line, p.message))
        .collect()
}

fn name(app: &Path) -> String {
    app.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

#[test]
fn there_is_one_app_per_statement() {
    let apps = apps();
    assert_eq!(apps.len(), 5, "{apps:?}");
    for app in &apps {
        assert!(
            app.join("README.md").is_file(),
            "{} has no README.md",
            name(app)
        );
    }
}

#[test]
fn each_app_shows_exactly_its_planted_violations() {
    let mut failures = Vec::new();
    for app in apps() {
        let (expected, _) = markers::read(&app, &examples_root());
        assert!(!expected.is_empty(), "{} plants no violation", name(&app));
        let report = run(&app, &[]);
        let actual = keys(&report);
        let missed: Vec<&Key> = expected.difference(&actual).collect();
        let extra: Vec<&Key> = actual.difference(&expected).collect();
        println!(
            "{}: {} planted, {} found, {} missed, {} unexpected",
            name(&app),
            expected.len(),
            actual.len(),
            missed.len(),
            extra.len()
        );
        if !missed.is_empty() || !extra.is_empty() || !errors(&report).is_empty() {
            failures.push(format!(
                "{}:\n  missed: {missed:?}\n  unexpected: {extra:?}\n  errors: {:?}",
                name(&app),
                errors(&report)
            ));
        }
        assert_eq!(report.exit_code(false), 1, "{}", name(&app));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_compliant_variant_is_clean() {
    for app in apps() {
        let report = run(&app, &["compliant"]);
        assert_eq!(
            keys(&report),
            BTreeSet::new(),
            "{} --features compliant",
            name(&app)
        );
        assert_eq!(errors(&report), Vec::<String>::new(), "{}", name(&app));
        assert_eq!(report.exit_code(true), 0, "{}", name(&app));
    }
}

#[test]
fn the_apps_trigger_every_spec_rule() {
    let mut planted: BTreeSet<String> = BTreeSet::new();
    for app in apps() {
        let (expected, _) = markers::read(&app, &examples_root());
        planted.extend(expected.into_iter().map(|(_, _, rule)| rule));
    }
    let missing: Vec<&str> = SPEC_RULE_IDS
        .iter()
        .copied()
        .filter(|id| !planted.contains(*id))
        .collect();
    assert!(missing.is_empty(), "no example plants {missing:?}");
}

#[test]
fn each_readme_explains_every_rule_it_plants() {
    for app in apps() {
        let readme = std::fs::read_to_string(app.join("README.md")).unwrap_or_default();
        let (expected, _) = markers::read(&app, &examples_root());
        for (_, _, rule) in expected {
            assert!(
                readme.contains(&rule),
                "{}/README.md does not mention {rule}",
                name(&app)
            );
        }
    }
}
