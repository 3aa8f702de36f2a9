//! Cargo's conventions: `--locked/--offline/--frozen`, `CARGO_TERM_COLOR`, `$CARGO`, a
//! `rust-toolchain.toml` pinning a toolchain that is not installed, package-relative pack files,
//! and config errors (unknown region or pack) with their file and line.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn privflow_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cargo-privflow"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("CARGO_TERM_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// One package logging a patient's diagnosis (a `baseline/phi-to-log` error).
fn workspace(metadata: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let manifest = format!(
        "[package]\nname = \"tmp-app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n\n[package.metadata.privflow]\n{metadata}\n"
    );
    std::fs::write(dir.path().join("Cargo.toml"), manifest).expect("write Cargo.toml");
    std::fs::create_dir(dir.path().join("src")).expect("mkdir src");
    std::fs::write(
        dir.path().join("src/lib.rs"),
        "#[privflow::data]\npub struct Patient {\n    #[phi]\n    pub diagnosis: String,\n}\n\npub fn show(p: &Patient) {\n    println!(\"{}\", p.diagnosis);\n}\n",
    )
    .expect("write lib.rs");
    dir
}

fn json_lines(out: &Output) -> Vec<Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect()
}

fn rules_of(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| l["reason"] == "violation")
        .filter_map(|l| l["rule"].as_str().map(str::to_string))
        .collect()
}

/// A `$CARGO` that writes its arguments to `args.txt` beside it, then runs the real cargo.
#[cfg(unix)]
fn recording_cargo(dir: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let real = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let script = dir.join("recording-cargo");
    let log = dir.join("args.txt");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$@\" >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            real
        ),
    )
    .expect("write the script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script
}

#[cfg(unix)]
#[test]
fn locked_offline_and_frozen_are_accepted_and_passed_to_the_cargo_cargo_names() {
    let dir = workspace("");
    let bin = tempfile::tempdir().expect("a temporary directory");
    let cargo = recording_cargo(bin.path());
    let cargo = cargo.display().to_string();
    for flag in ["--locked", "--offline", "--frozen"] {
        let out = privflow_in(
            dir.path(),
            &[flag, "--message-format", "json"],
            &[("CARGO", &cargo)],
        );
        assert_eq!(out.status.code(), Some(1), "{flag}: {}", text(&out.stdout));
        assert_eq!(rules_of(&json_lines(&out)), ["baseline/phi-to-log"]);
    }
    let args = std::fs::read_to_string(bin.path().join("args.txt")).expect("$CARGO ran");
    let calls: Vec<&str> = args.lines().collect();
    assert_eq!(calls.len(), 3, "{args}");
    for (call, flag) in calls.iter().zip(["--locked", "--offline", "--frozen"]) {
        assert!(call.starts_with("metadata"), "{call}");
        assert!(call.split(' ').any(|a| a == flag), "{call}");
    }
}

#[test]
fn cargo_term_color_is_honoured_like_color() {
    let dir = workspace("");
    let colored = |env: &[(&str, &str)], args: &[&str]| {
        let out = privflow_in(dir.path(), args, env);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        text(&out.stderr).contains('\u{1b}')
    };
    assert!(colored(&[("CARGO_TERM_COLOR", "always")], &[]));
    assert!(!colored(&[("CARGO_TERM_COLOR", "never")], &[]));
    assert!(!colored(&[("CARGO_TERM_COLOR", "auto")], &[]));
    // The option wins over the variable.
    assert!(!colored(
        &[("CARGO_TERM_COLOR", "always")],
        &["--color", "never"]
    ));
    assert!(colored(
        &[("CARGO_TERM_COLOR", "never")],
        &["--color", "always"]
    ));
}

#[test]
fn cargo_is_the_one_cargo_names() {
    let dir = workspace("");
    // `$CARGO` is what runs `cargo metadata`: a cargo that does not exist is a clear error.
    let out = privflow_in(
        dir.path(),
        &["--message-format", "json"],
        &[("CARGO", "/nonexistent/cargo")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("could not run `cargo metadata`"));
}

#[test]
fn a_toolchain_pin_that_is_not_installed_does_not_stop_the_analysis() {
    let dir = workspace("");
    std::fs::write(
        dir.path().join("rust-toolchain.toml"),
        "[toolchain]\nchannel = \"1.10.0-nonexistent\"\n",
    )
    .expect("write rust-toolchain.toml");
    // Run as a user would from inside the workspace, through rustup's `cargo` proxy (no $CARGO).
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cargo-privflow"));
    cmd.args(["--message-format", "json"])
        .current_dir(dir.path())
        .env_remove("CARGO")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env("RUSTUP_AUTO_INSTALL", "0")
        .env("RUST_BACKTRACE", "1");
    let out = cmd.output().expect("the binary runs");
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("backtrace"), "{stdout}");
    assert_eq!(out.status.code(), Some(1), "{stdout}{}", text(&out.stderr));
    assert_eq!(rules_of(&json_lines(&out)), ["baseline/phi-to-log"]);
}

#[test]
fn a_package_pack_file_is_read_from_the_package_directory() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path();
    std::fs::write(
        root.join("Cargo.toml"),
        "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n",
    )
    .expect("write");
    let app = workspace("rules = [\"policy/ours.toml\"]\n");
    // Move the package into the workspace (without its own [workspace]).
    std::fs::create_dir_all(root.join("app/src")).expect("mkdir");
    std::fs::create_dir_all(root.join("app/policy")).expect("mkdir");
    let manifest = std::fs::read_to_string(app.path().join("Cargo.toml"))
        .expect("read")
        .replace("[workspace]\n", "");
    std::fs::write(root.join("app/Cargo.toml"), manifest).expect("write");
    std::fs::copy(app.path().join("src/lib.rs"), root.join("app/src/lib.rs")).expect("copy");
    std::fs::write(root.join("app/policy/ours.toml"), "this is = not a pack\n").expect("write");
    // Run from somewhere else entirely: the path is the package's, not the working directory's.
    let out = privflow_in(
        Path::new("/"),
        &[
            "--manifest-path",
            &root.join("Cargo.toml").display().to_string(),
            "--message-format",
            "json",
        ],
        &[],
    );
    let lines = json_lines(&out);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let problem = lines
        .iter()
        .find(|l| l["reason"] == "error")
        .expect("a problem");
    // The pack file was found and read (its content is the error), named from the root.
    assert_eq!(problem["file"], "app/policy/ours.toml", "{problem}");
    assert!(!text(&out.stdout).contains("cannot read rule pack"));
}

#[test]
fn an_unknown_region_or_pack_in_the_config_has_its_file_and_line() {
    let dir = workspace("rules = [\"basline\"]\nregion = \"atlantis-1\"\n");
    let out = privflow_in(dir.path(), &["--message-format", "json"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let lines = json_lines(&out);
    let errors: Vec<&Value> = lines.iter().filter(|l| l["reason"] == "error").collect();
    let region = errors
        .iter()
        .find(|e| e["message"].as_str().unwrap_or("").contains("atlantis-1"))
        .expect("the region is reported");
    assert_eq!(region["file"], "Cargo.toml");
    assert_eq!(region["line"], 10);
    let pack = errors
        .iter()
        .find(|e| e["message"].as_str().unwrap_or("").contains("`basline`"))
        .expect("the pack is reported");
    assert_eq!(pack["file"], "Cargo.toml");
    assert_eq!(pack["line"], 9);
    assert!(pack["message"]
        .as_str()
        .unwrap_or("")
        .contains("did you mean `baseline`?"));
    // Once, not again without a file.
    let packs = errors
        .iter()
        .filter(|e| e["message"].as_str().unwrap_or("").contains("`basline`"))
        .count();
    assert_eq!(packs, 1, "{errors:?}");
}

/// A repository whose workspace is in `app/`: SARIF paths are relative to the repository.
#[test]
fn sarif_paths_are_relative_to_the_repository() {
    let repo = tempfile::tempdir().expect("a temporary directory");
    std::fs::create_dir(repo.path().join(".git")).expect("mkdir .git");
    let ws = workspace("");
    let app = repo.path().join("app");
    std::fs::create_dir_all(app.join("src")).expect("mkdir");
    std::fs::copy(ws.path().join("Cargo.toml"), app.join("Cargo.toml")).expect("copy");
    std::fs::copy(ws.path().join("src/lib.rs"), app.join("src/lib.rs")).expect("copy");
    let uris = |extra: &[&str]| {
        let mut args = vec!["--message-format", "sarif"];
        args.extend_from_slice(extra);
        let out = privflow_in(&app, &args, &[]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(
            !stdout.contains(&*repo.path().to_string_lossy()),
            "{stdout}"
        );
        let log: Value = serde_json::from_str(&stdout).expect("SARIF is JSON");
        let loc = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        (
            loc["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or("")
                .to_string(),
            log,
        )
    };
    let (found, log) = uris(&[]);
    assert_eq!(found, "app/src/lib.rs");
    // Every artifact of the log is under the repository's `app/`.
    let all = log.to_string();
    assert!(!all.contains("\"uri\":\"src/"), "{all}");
    let root = repo.path().display().to_string();
    assert_eq!(uris(&["--sarif-root", &root]).0, "app/src/lib.rs");
    let app_dir = app.display().to_string();
    assert_eq!(uris(&["--sarif-root", &app_dir]).0, "src/lib.rs");
    // A SARIF root that does not hold the workspace is an error, not a wrong path.
    let elsewhere = tempfile::tempdir().expect("a temporary directory");
    let out = privflow_in(
        &app,
        &[
            "--message-format",
            "sarif",
            "--sarif-root",
            &elsewhere.path().display().to_string(),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--sarif-root"));
}

/// `--message-format cargo-json` is cargo's own message stream: every line parses as a
/// `cargo_metadata::Message`, findings are `compiler-message`s whose primary span is the sink call.
#[test]
fn cargo_json_is_read_by_cargo_message_readers() {
    use cargo_metadata::Message;
    let dir = workspace("");
    for format in ["cargo-json", "json-diagnostic-rendered-ansi"] {
        let out = privflow_in(dir.path(), &["--message-format", format], &[]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        let messages: Vec<Message> = stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect();
        assert_eq!(messages.len(), 2, "{stdout}");
        let Message::CompilerMessage(m) = &messages[0] else {
            panic!("not a compiler message: {stdout}")
        };
        let d = &m.message;
        assert_eq!(
            d.code.as_ref().map(|c| c.code.as_str()),
            Some("baseline/phi-to-log")
        );
        assert_eq!(d.level, cargo_metadata::diagnostic::DiagnosticLevel::Error);
        let primary = d
            .spans
            .iter()
            .find(|s| s.is_primary)
            .expect("a primary span");
        assert_eq!(primary.file_name, "src/lib.rs");
        assert_eq!((primary.line_start, primary.column_start), (8, 5));
        let source = std::fs::read_to_string(dir.path().join("src/lib.rs")).expect("read");
        let spanned = &source[primary.byte_start as usize..primary.byte_end as usize];
        assert!(spanned.starts_with("println!"), "{spanned:?}");
        assert!(d.spans.iter().any(|s| !s.is_primary && s.line_start == 4));
        assert!(d
            .rendered
            .as_deref()
            .unwrap_or("")
            .contains("src/lib.rs:8:5"));
        assert!(
            matches!(messages[1], Message::BuildFinished(ref b) if !b.success),
            "{stdout}"
        );
    }
    // A clean workspace: only a successful `build-finished`.
    let clean = workspace("");
    std::fs::write(clean.path().join("src/lib.rs"), "pub fn f() {}\n").expect("write");
    let out = privflow_in(clean.path(), &["--message-format", "cargo-json"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout).trim(),
        r#"{"reason":"build-finished","success":true}"#
    );
}

#[test]
fn help_lines_fit_a_terminal() {
    let out = privflow_in(Path::new("/"), &["--help"], &[("COLUMNS", "200")]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    let examples = help
        .split("Examples:")
        .nth(1)
        .and_then(|rest| rest.split("Configuration:").next())
        .expect("an Examples block");
    for line in examples.lines() {
        assert!(
            line.chars().count() <= 90,
            "too long for a terminal: {line:?}"
        );
    }
    assert!(examples.contains("--message-format cargo-json"));
}

#[test]
fn options_a_command_does_not_use_are_refused() {
    let dir = workspace("");
    for (args, option) in [
        (&["rules", "--features", "x"][..], "--features"),
        (
            &["explain", "baseline/phi-to-log", "--locked"][..],
            "--locked",
        ),
        (&["map", "--no-baseline"][..], "--no-baseline"),
        (&["map", "--message-format", "json"][..], "--message-format"),
        (&["baseline", "--deny-warnings"][..], "--deny-warnings"),
        (&["--sarif-root", "/"][..], "--sarif-root"),
    ] {
        let out = privflow_in(dir.path(), args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains(option) && err.contains("not apply"),
            "{args:?}: {err}"
        );
    }
    // What does apply still works.
    let out = privflow_in(
        dir.path(),
        &["rules", "--rules", "visus", "--message-format", "json"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// Reads a cargo-JSON stream as rust-analyzer does: every line a `cargo_metadata::Message`, the
/// finding a `compiler-message` with the rule as its code, then `build-finished`.
fn assert_cargo_messages(out: &Output, args: &[&str]) {
    use cargo_metadata::Message;
    assert_eq!(
        out.status.code(),
        Some(1),
        "{args:?}: {}",
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    let messages: Vec<Message> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{args:?}: {e}: {l}")))
        .collect();
    assert!(
        matches!(&messages[..], [Message::CompilerMessage(m), Message::BuildFinished(b)]
            if !b.success
            && m.message.code.as_ref().map(|c| c.code.as_str()) == Some("baseline/phi-to-log")),
        "{args:?}: {stdout}"
    );
}

/// The argument vectors rust-analyzer's check command runs with. rust-analyzer runs
/// `check.overrideCommand` as given, in the workspace root; users copy its default
/// `cargo check` arguments into it (`--workspace --message-format=json-diagnostic-rendered-ansi
/// --manifest-path <Cargo.toml> --keep-going --all-targets`, with `--all-features` /
/// `--features` / `--no-default-features` / `--target-dir` from its cargo settings), or the
/// `--message-format=json --all-targets` of the clippy recipes.
#[test]
fn rust_analyzer_check_command_arguments() {
    let dir = workspace("");
    std::fs::write(
        dir.path().join("Cargo.toml"),
        "[package]\nname = \"tmp-app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[features]\ndefault = []\n\n[workspace]\n",
    )
    .expect("write Cargo.toml");
    let manifest_path = dir.path().join("Cargo.toml").display().to_string();
    let target_dir = dir.path().join("target-ra").display().to_string();
    let vectors: Vec<Vec<&str>> = vec![
        // The README's setting (cargo passes `privflow` first).
        vec!["privflow", "--message-format=cargo-json"],
        // rust-analyzer's default check arguments appended to it.
        vec![
            "privflow",
            "--message-format",
            "cargo-json",
            "--workspace",
            "--message-format=json-diagnostic-rendered-ansi",
            "--manifest-path",
            &manifest_path,
            "--keep-going",
            "--all-targets",
        ],
        // The same without `cargo-json`: cargo's rendered-JSON value is cargo-json.
        vec![
            "privflow",
            "--workspace",
            "--message-format=json-diagnostic-rendered-ansi",
            "--manifest-path",
            &manifest_path,
            "--keep-going",
            "--all-targets",
        ],
        // The clippy recipe's arguments.
        vec![
            "privflow",
            "--message-format=cargo-json",
            "--workspace",
            "--message-format=json",
            "--all-targets",
            "--all-features",
        ],
        // rust-analyzer's cargo settings: package, features, target directory.
        vec![
            "privflow",
            "check",
            "-p",
            "tmp-app",
            "--message-format",
            "json-render-diagnostics",
            "--no-default-features",
            "--features",
            "default",
            "--target-dir",
            &target_dir,
            "--keep-going",
        ],
        vec![
            "privflow",
            "--message-format",
            "json-diagnostic-short,cargo-json",
            "--all-targets",
        ],
    ];
    for args in &vectors {
        let out = privflow_in(dir.path(), args, &[]);
        assert_cargo_messages(&out, args);
    }
    // `--target-dir` is accepted and unused: privflow writes no build output.
    assert!(!dir.path().join("target-ra").exists());
    // cargo's `short` and `human` are privflow's human diagnostics, on stderr.
    for format in ["short", "human"] {
        let out = privflow_in(
            dir.path(),
            &["privflow", "--message-format", format, "--all-targets"],
            &[],
        );
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert!(out.stdout.is_empty());
        assert!(text(&out.stderr).contains("baseline/phi-to-log"));
    }
    // `json` alone stays privflow's own JSON lines (SPEC §4).
    let out = privflow_in(dir.path(), &["--message-format=json", "--all-targets"], &[]);
    assert_eq!(json_lines(&out)[0]["reason"], "violation");
}
