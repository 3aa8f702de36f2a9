//! What reviewers see: the rendered diagnostics of real runs (snapshots, no colour, no wrapping),
//! and the exit status of clean, warning-only, error and incomplete runs.

use std::path::{Path, PathBuf};
use std::process::Output;

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)
}

fn run(fixture: &str, extra: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .arg("check")
        .arg("--manifest-path")
        .arg(repo(fixture).join("Cargo.toml"))
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .expect("run privflow")
}

/// The human output in `style`, with the run time (the one varying part) masked.
fn human_in(fixture: &str, style: &str) -> String {
    let out = run(fixture, &["--color", "never", "--style", style]);
    let text = String::from_utf8_lossy(&out.stderr).to_string();
    let mut masked = String::new();
    for line in text.lines() {
        let line = match (line.rfind(" ["), line.ends_with("s]")) {
            (Some(i), true) if line.starts_with("privflow:") => format!("{} [TIME]", &line[..i]),
            _ => line.to_string(),
        };
        masked.push_str(line.trim_end());
        masked.push('\n');
    }
    masked
}

/// The graphical output (what a terminal shows).
fn human(fixture: &str) -> String {
    human_in(fixture, "graphical")
}

/// Off a terminal the default is the narrated style: plain lines, `file:line:column` on each.
#[test]
fn narrated_cross_file_path_and_parse_error() {
    let narrated = human_in("tests/suite/flow/resolve/bad-mod-file", "narrated");
    let default = human_in("tests/suite/flow/resolve/bad-mod-file", "auto");
    assert_eq!(narrated, default, "stderr is a pipe here: auto narrates");
    insta::assert_snapshot!("narrated_cross_file_path", narrated);
    insta::assert_snapshot!(
        "narrated_parse_error",
        human_in("tests/bad-input/syntax-error", "narrated")
    );
}

#[test]
fn cross_file_path() {
    insta::assert_snapshot!(human("tests/suite/flow/resolve/bad-mod-file"));
}

#[test]
fn consent_miss() {
    insta::assert_snapshot!(human(
        "tests/suite/flow/consent/bad-helper-unconsented-caller"
    ));
}

#[test]
fn region_miss() {
    insta::assert_snapshot!(human(
        "tests/suite/rules/visus/no-non-eu-transfer/bad-us-region"
    ));
}

#[test]
fn presence_rule() {
    insta::assert_snapshot!(human(
        "tests/suite/rules/cgm-videosprechstunde/no-cookies/bad-session-cookie"
    ));
}

#[test]
fn parse_error() {
    insta::assert_snapshot!(human("tests/bad-input/syntax-error"));
}

#[test]
fn exit_status_of_clean_warning_error_and_incomplete_runs() {
    let code = |fixture: &str, extra: &[&str]| run(fixture, extra).status.code();
    assert_eq!(
        code("tests/suite/flow/fields/ok-overwrite-variable", &[]),
        Some(0),
        "clean"
    );
    assert_eq!(
        code("tests/suite/flow/types/bad-type-alias-pii", &[]),
        Some(0),
        "warning only"
    );
    assert_eq!(
        code(
            "tests/suite/flow/types/bad-type-alias-pii",
            &["--deny-warnings"]
        ),
        Some(1),
        "warning, denied"
    );
    assert_eq!(
        code("tests/suite/flow/interproc/bad-helper-sink", &[]),
        Some(1),
        "error"
    );
    assert_eq!(
        code("tests/bad-input/syntax-error", &[]),
        Some(2),
        "incomplete"
    );
}

/// The diagnostic the README walks through is the one privflow prints today.
#[test]
fn the_readme_walk_through_shows_the_real_diagnostic() {
    let out = run(
        "examples/05-zaurus-messaging",
        &["--style", "graphical", "--color", "never"],
    );
    let text = String::from_utf8_lossy(&out.stderr);
    // One call breaking three rules of two packs: one diagnostic naming them all.
    let header = "baseline/marketing-without-consent, zaurus/contact-details-purpose, zaurus/newsletter-requires-consent\n";
    let start = text.find(header).expect("the finding is reported");
    // Up to the next finding, whose first line is its rule id (or the ids of one call's rules).
    let is_rule_id = |l: &str| {
        l.split(", ").all(|id| {
            id.split_once('/').is_some_and(|(pack, rule)| {
                [pack, rule]
                    .iter()
                    .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            })
        })
    };
    let lines: Vec<&str> = text[start..].lines().map(str::trim_end).collect();
    let end = lines[1..]
        .iter()
        .position(|l| is_rule_id(l))
        .map_or(lines.len(), |i| i + 1);
    let mut printed: Vec<&str> = lines[..end].to_vec();
    while printed.last().is_some_and(|l| l.is_empty()) {
        printed.pop();
    }

    let readme = std::fs::read_to_string(repo("README.md")).expect("README.md");
    let block_start = readme
        .find(&format!("```text\n{header}"))
        .expect("the README shows the finding")
        + "```text\n".len();
    let block_end = block_start + readme[block_start..].find("```").expect("the block ends");
    let shown: Vec<&str> = readme[block_start..block_end]
        .trim_end()
        .lines()
        .map(str::trim_end)
        .collect();
    assert_eq!(shown, printed);
}
