//! The real binary: help, the cargo argument shim, `rules`, `explain`, bad options, bad manifests
//! and bad config, and their exit codes.

use std::path::Path;
use std::process::{Command, Output};

fn privflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A one-package workspace in a temporary directory, with `metadata` under
/// `[package.metadata.privflow]`.
fn temp_crate(metadata: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let manifest = format!(
        "[package]\nname = \"tmp-app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n[package.metadata.privflow]\n{metadata}\n"
    );
    std::fs::write(dir.path().join("Cargo.toml"), manifest).expect("write Cargo.toml");
    std::fs::create_dir(dir.path().join("src")).expect("mkdir src");
    std::fs::write(
        dir.path().join("src/lib.rs"),
        "pub fn add(a: u32, b: u32) -> u32 {\n    a + b\n}\n",
    )
    .expect("write lib.rs");
    dir
}

fn manifest_of(dir: &Path) -> String {
    dir.join("Cargo.toml").display().to_string()
}

#[test]
fn help_teaches_examples_and_exit_codes() {
    let out = privflow(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    for needle in [
        "privacy statement",
        "cargo privflow --rules cgm-videosprechstunde",
        "cargo privflow --message-format sarif > privflow.sarif",
        "cargo privflow explain baseline/phi-to-log",
        "cargo privflow baseline",
        "--no-baseline",
        "Exit status:",
        "0  no error-severity finding",
        "1  error-severity findings",
        "2  the analysis could not be done or is incomplete",
        "--manifest-path",
        "--deny-warnings",
        "Usage: cargo privflow",
    ] {
        assert!(help.contains(needle), "help lacks {needle:?}:\n{help}");
    }
}

#[test]
fn runs_as_a_cargo_subcommand() {
    // `cargo privflow --help` runs `cargo-privflow privflow --help`.
    let out = privflow(&["privflow", "--help"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Exit status:"));
    let out = privflow(&["privflow", "explain", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("Usage: cargo privflow explain"));
}

#[test]
fn version() {
    let out = privflow(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("cargo-privflow "));
}

#[test]
fn rules_lists_the_packs() {
    let out = privflow(&["rules"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    for id in [
        "baseline/phi-to-log",
        "visus/no-non-eu-transfer",
        "zaurus/tls-in-transit",
        "cgm-videosprechstunde/no-cookies",
        "cloudvisit/retention-limit",
        "visual-systems/erasure-supported",
    ] {
        assert!(listing.contains(id), "{listing}");
    }
}

#[test]
fn rules_as_json_lines() {
    let out = privflow(&["rules", "--message-format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert_eq!(v["reason"], "rule");
        for k in ["id", "severity", "section", "quote"] {
            assert!(v[k].is_string(), "{k} missing in {line}");
        }
    }
    assert!(stdout.lines().count() >= 35, "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l
                .starts_with(r#"{"reason":"rule","id":"baseline/phi-to-log","severity":"error","#)),
        "{stdout}"
    );
}

#[test]
fn explain_an_unknown_rule_exits_2() {
    let out = privflow(&["explain", "no/such-rule"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("no rule `no/such-rule`"), "{err}");
    let out = privflow(&["explain", "baseline/phi-to-logs"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("did you mean: `baseline/phi-to-log`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn explain_shows_quote_section_and_example() {
    let out = privflow(&["explain", "cgm-videosprechstunde/no-cookies"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let s = text(&out.stdout);
    assert!(
        s.contains("In der CGM Videosprechstunde werden keinerlei Cookies verwendet."),
        "{s}"
    );
    assert!(
        s.contains("4 Einsatz von Cookies innerhalb der Software"),
        "{s}"
    );
    assert!(s.contains("#[privflow::sink(kind = \"cookie\")]"), "{s}");
}

#[test]
fn an_unknown_message_format_is_a_usage_error() {
    let out = privflow(&["--message-format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("invalid value 'xml' for '--message-format <FMT>'"),
        "{err}"
    );
    assert!(err.contains("human, json, sarif"), "{err}");
}

#[test]
fn a_missing_manifest_exits_2_naming_it() {
    let out = privflow(&["--manifest-path", "/nonexistent/Cargo.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("/nonexistent/Cargo.toml"), "{err}");
    assert!(err.contains("incomplete"), "{err}");

    let out = privflow(&[
        "check",
        "--manifest-path",
        "/nonexistent/Cargo.toml",
        "--message-format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(lines[0]["reason"], "error");
    assert_eq!(lines[0]["kind"], "manifest");
    assert!(lines[0]["message"]
        .as_str()
        .unwrap_or("")
        .contains("/nonexistent/Cargo.toml"));
    assert_eq!(lines[1]["incomplete"], true);
}

#[test]
fn malformed_config_exits_2_naming_every_key() {
    let dir = temp_crate("region = [\"x\"]\nunknown_key = 1");
    let out = privflow(&["--manifest-path", &manifest_of(dir.path())]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "Cargo.toml: [package.metadata.privflow] `region` must be a string, found an array"
        ),
        "{err}"
    );
    assert!(err.contains("unknown key `unknown_key`"), "{err}");
    assert!(err.contains("(incomplete: 2 config errors)"), "{err}");

    let out = privflow(&[
        "--manifest-path",
        &manifest_of(dir.path()),
        "--message-format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    let config: Vec<serde_json::Value> = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["kind"] == "config")
        .collect();
    assert_eq!(config.len(), 2, "{stdout}");
    assert!(
        config
            .iter()
            .all(|v| v["file"] == "Cargo.toml" && v["line"].is_u64()),
        "{stdout}"
    );
}

#[test]
fn a_clean_crate_exits_0() {
    let dir = temp_crate("region = \"DE\"");
    let out = privflow(&[
        "check",
        "--manifest-path",
        &manifest_of(dir.path()),
        "--message-format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    let summary: serde_json::Value =
        serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect("summary line");
    assert_eq!(summary["reason"], "summary");
    assert_eq!(summary["incomplete"], false);
    assert_eq!(summary["errors"], 0);
}

#[test]
fn sarif_goes_to_stdout() {
    let dir = temp_crate("");
    let out = privflow(&[
        "--manifest-path",
        &manifest_of(dir.path()),
        "--message-format",
        "sarif",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "privflow");
}

#[test]
fn an_unknown_package_exits_2_listing_the_packages() {
    let dir = temp_crate("");
    let out = privflow(&["--manifest-path", &manifest_of(dir.path()), "-p", "tmp-ap"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("package `tmp-ap` is not a member of the workspace"),
        "{err}"
    );
    assert!(err.contains("did you mean `tmp-app`?"), "{err}");
    assert!(err.contains("its packages are: `tmp-app`"), "{err}");
}

#[test]
fn quiet_drops_the_summary_line() {
    let dir = temp_crate("");
    let out = privflow(&["-q", "--manifest-path", &manifest_of(dir.path())]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        !text(&out.stderr).contains("privflow:"),
        "{}",
        text(&out.stderr)
    );
}

/// Each command's `--help` lists the options it takes and none it refuses, and its Examples
/// and Exit status blocks fit 80 columns (a terminal never wraps them mid-sentence).
#[test]
fn each_command_helps_with_its_own_options() {
    for (command, present, absent) in [
        (&[][..], "--deny-warnings", "--format <FMT>"),
        (&["check"][..], "--sarif-root", "--output"),
        (&["init"][..], "--manifest-path", "--package"),
        (&["rules"][..], "--rules", "--features"),
        (&["catalogue"][..], "--message-format", "--rules"),
        (&["explain"][..], "--rules", "--locked"),
        (&["baseline"][..], "--no-baseline", "--deny-warnings"),
        (&["map"][..], "--output", "--message-format"),
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
            .args(&args)
            .env("COLUMNS", "200")
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = text(&out.stdout);
        assert!(help.contains(present), "{args:?} lacks {present}:\n{help}");
        assert!(!help.contains(absent), "{args:?} lists {absent}:\n{help}");
        // What follows the options (Examples, Configuration, Exit status), written to fit.
        let after = ["Examples:", "To adopt"]
            .iter()
            .filter_map(|m| help.find(m))
            .min()
            .map_or("", |at| &help[at..]);
        for line in after.lines() {
            assert!(
                line.chars().count() <= 80,
                "{args:?}: too long for a terminal: {line:?}"
            );
        }
    }
    // The cargo flags rust-analyzer passes are in the check command's help, marked unused.
    let out = privflow(&["check", "--help"]);
    let help = text(&out.stdout);
    for flag in ["--all-targets", "--keep-going", "--target-dir"] {
        assert!(help.contains(flag), "{help}");
    }
    assert!(help.contains("Accepted and unused"), "{help}");
}

/// An option of another command is refused with a sentence naming the command, whether it
/// comes before or after the command's name; options of the default command given before a
/// command's name that takes them apply to it.
#[test]
fn options_of_another_command_are_refused() {
    for (args, option, command) in [
        (
            &["--deny-warnings", "rules"][..],
            "--deny-warnings",
            "rules",
        ),
        (
            &["rules", "--deny-warnings"][..],
            "--deny-warnings",
            "rules",
        ),
        (
            &["catalogue", "--rules", "visus"][..],
            "--rules",
            "catalogue",
        ),
        (&["init", "-p", "app"][..], "-p", "init"),
        (&["rules", "--output", "x"][..], "--output", "rules"),
    ] {
        let out = privflow(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!(
                "{option} does not apply to `cargo privflow {command}`"
            )),
            "{args:?}: {err}"
        );
    }
    let out = privflow(&["--rules", "visus", "--message-format", "json", "rules"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    assert!(
        listing.contains("visus/") && !listing.contains("zaurus/"),
        "{listing}"
    );
    // A pack named like a command is a pack, not the command.
    let out = privflow(&["rules", "--rules", "map"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!text(&out.stderr).contains("does not apply"));
}
