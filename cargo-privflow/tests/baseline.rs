//! Adopting privflow on a codebase that has findings: `cargo privflow baseline` writes them to
//! `privflow-baseline.json`, later runs report only new ones, say how many entries are gone, and
//! a broken baseline fails closed. Through the real binary, on a two-package workspace.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const PATIENT: &str = "#[privflow::data]
pub struct Patient {
    pub id: u64,
    #[phi]
    pub diagnosis: String,
}
";

/// A workspace with packages `app` and `other`; each logs a diagnosis once.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    write(
        dir.path(),
        "Cargo.toml",
        "[workspace]\nmembers = [\"app\", \"other\"]\nresolver = \"2\"\n",
    );
    for name in ["app", "other"] {
        write(
            dir.path(),
            &format!("{name}/Cargo.toml"),
            &format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"),
        );
        write(
            dir.path(),
            &format!("{name}/src/lib.rs"),
            &format!("{PATIENT}\npub fn close(p: &Patient) {{\n    println!(\"{{}}\", p.diagnosis);\n}}\n"),
        );
    }
    dir
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

fn privflow(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(args)
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn baseline_file(root: &Path) -> PathBuf {
    root.join("privflow-baseline.json")
}

/// The JSON summary line of a run.
fn summary(root: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["--message-format", "json"];
    all.extend_from_slice(args);
    let out = privflow(root, &all);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let last = text.lines().last().unwrap_or_default().to_string();
    let value = serde_json::from_str(&last).unwrap_or_else(|e| panic!("{e}: {text}"));
    (out.status.code(), value)
}

#[test]
fn adopting_then_adding_fixing_and_moving_findings() {
    let ws = workspace();
    let root = ws.path();
    assert_eq!(privflow(root, &["--workspace"]).status.code(), Some(1));

    // Adopt: both findings go into the file, and the run is clean.
    let out = privflow(root, &["baseline", "--workspace"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("wrote privflow-baseline.json (2 errors, 0 warnings)"),
        "{}",
        stderr(&out)
    );
    let written = std::fs::read_to_string(baseline_file(root)).expect("the file is written");
    let file: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    let entries = file["findings"].as_array().expect("findings");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["rule"], "baseline/phi-to-log");
    assert_eq!(entries[0]["file"], "app/src/lib.rs");
    assert_eq!(entries[0]["data"], "Patient.diagnosis");
    let (code, s) = summary(root, &["--workspace"]);
    assert_eq!(code, Some(0), "{s}");
    assert_eq!(
        (s["errors"].clone(), s["baselined"].clone()),
        (0.into(), 2.into())
    );

    // Lines move: still baselined. A second leak in the same function is new.
    write(
        root,
        "app/src/lib.rs",
        &format!("// a new first line\n\n{PATIENT}\npub fn close(p: &Patient) {{\n    println!(\"{{}}\", p.diagnosis);\n    eprintln!(\"{{}}\", p.diagnosis);\n}}\n"),
    );
    let out = privflow(root, &["--workspace"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.contains("app/src/lib.rs:12:5"), "the new leak: {text}");
    assert!(
        !text.contains("app/src/lib.rs:11:"),
        "the baselined one: {text}"
    );
    assert!(
        text.contains(
            "1 error, 0 warnings in 2 files; 2 findings in the baseline privflow-baseline.json"
        ),
        "{text}"
    );

    // `--no-baseline` shows all three.
    let (_, s) = summary(root, &["--workspace", "--no-baseline"]);
    assert_eq!(s["errors"], 3);
    assert!(s.get("baselined").is_none(), "{s}");

    // Fix `other`: its entry is gone, and the run says so.
    write(
        root,
        "other/src/lib.rs",
        &format!("{PATIENT}\npub fn close(p: &Patient) {{\n    println!(\"{{}}\", p.id);\n}}\n"),
    );
    let (_, s) = summary(root, &["--workspace"]);
    assert_eq!(
        (
            s["errors"].clone(),
            s["baselined"].clone(),
            s["baseline_gone"].clone()
        ),
        (1.into(), 1.into(), 1.into())
    );
    let out = privflow(root, &["--workspace", "-v"]);
    assert!(
        stderr(&out).contains("gone from the baseline: baseline/phi-to-log (Patient.diagnosis → `println!` in other/src/lib.rs)"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("(1 entry matches nothing now"),
        "{}",
        stderr(&out)
    );

    // Rewriting the baseline accepts the new leak and drops the gone entry.
    let out = privflow(root, &["baseline", "--workspace"]);
    assert!(
        stderr(&out)
            .contains("(2 errors, 0 warnings); 1 added, 1 removed since the previous baseline"),
        "{}",
        stderr(&out)
    );
    let (code, s) = summary(root, &["--workspace"]);
    assert_eq!(
        (code, s["baselined"].clone(), s["baseline_gone"].clone()),
        (Some(0), 2.into(), 0.into())
    );
}

#[test]
fn a_run_of_one_package_neither_judges_nor_drops_another_packages_entries() {
    let ws = workspace();
    let root = ws.path();
    assert_eq!(
        privflow(root, &["baseline", "--workspace"]).status.code(),
        Some(0)
    );
    // Only `app`: `other`'s entry is not "gone".
    let (code, s) = summary(root, &["-p", "app"]);
    assert_eq!(
        (code, s["baselined"].clone(), s["baseline_gone"].clone()),
        (Some(0), 1.into(), 0.into())
    );
    // Rewriting from `app` alone keeps `other`'s entry.
    let out = privflow(root, &["baseline", "-p", "app"]);
    assert!(
        stderr(&out).contains("kept 1 entry of files this run did not analyse"),
        "{}",
        stderr(&out)
    );
    let (code, s) = summary(root, &["--workspace"]);
    assert_eq!((code, s["baselined"].clone()), (Some(0), 2.into()));
}

#[test]
fn the_same_findings_write_the_same_bytes() {
    let ws = workspace();
    let root = ws.path();
    privflow(root, &["baseline", "--workspace"]);
    let first = std::fs::read(baseline_file(root)).expect("written");
    // Shift every line: the file does not change.
    for name in ["app", "other"] {
        let path = root.join(name).join("src/lib.rs");
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, format!("\n\n\n{text}")).expect("write");
    }
    privflow(root, &["baseline", "--workspace"]);
    assert_eq!(first, std::fs::read(baseline_file(root)).expect("written"));
}

#[test]
fn a_broken_baseline_fails_closed_and_hides_nothing() {
    let ws = workspace();
    let root = ws.path();
    std::fs::write(
        baseline_file(root),
        "{\n  \"privflow_baseline\": 1,\n  \"findings\": [\n    {\"rule\": 7}\n  ]\n}\n",
    )
    .expect("write");
    let out = privflow(root, &["--workspace"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(text.contains("privflow::baseline"), "{text}");
    assert!(
        text.contains("privflow-baseline.json is not a privflow baseline"),
        "{text}"
    );
    assert!(
        text.contains("privflow-baseline.json:4:"),
        "located: {text}"
    );
    // Nothing is taken out: both findings are reported.
    assert!(text.contains("2 errors"), "{text}");

    // `baseline` replaces it, with a warning.
    let out = privflow(root, &["baseline", "--workspace"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("it is replaced"), "{}", stderr(&out));
    assert_eq!(summary(root, &["--workspace"]).0, Some(0));
}

#[test]
fn an_explicit_baseline_must_exist_and_an_incomplete_run_writes_none() {
    let ws = workspace();
    let root = ws.path();
    let missing = root.join("nope.json");
    let out = privflow(
        root,
        &["--workspace", "--baseline", &missing.display().to_string()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read the baseline file nope.json"),
        "{}",
        stderr(&out)
    );

    // `baseline --baseline PATH` writes there; the check reads it from there.
    let custom = root.join("ci/accepted.json");
    std::fs::create_dir_all(custom.parent().expect("parent")).expect("mkdir");
    let custom_arg = custom.display().to_string();
    let out = privflow(
        root,
        &["baseline", "--workspace", "--baseline", &custom_arg],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("wrote ci/accepted.json"),
        "{}",
        stderr(&out)
    );
    assert!(!baseline_file(root).exists());
    assert_eq!(
        summary(root, &["--workspace", "--baseline", &custom_arg]).0,
        Some(0)
    );
    assert_eq!(
        summary(root, &["--workspace"]).0,
        Some(1),
        "no default file"
    );

    // A file that does not parse: no baseline is written.
    write(root, "app/src/lib.rs", "pub fn broken( {\n");
    let out = privflow(root, &["baseline", "--workspace"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the baseline was not written"),
        "{}",
        stderr(&out)
    );
    assert!(!baseline_file(root).exists());
}

#[test]
fn sarif_marks_results_new_and_counts_the_baselined() {
    let ws = workspace();
    let root = ws.path();
    privflow(root, &["baseline", "-p", "app"]);
    let out = privflow(root, &["--workspace", "--message-format", "sarif"]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF");
    let run = &log["runs"][0];
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "only `other`'s finding is new");
    assert_eq!(results[0]["baselineState"], "new");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "other/src/lib.rs"
    );
    let props = &run["invocations"][0]["properties"];
    assert_eq!(
        (props["baselined"].clone(), props["baselineGone"].clone()),
        (1.into(), 0.into())
    );
}

#[test]
fn baseline_with_json_says_what_it_wrote_in_one_line() {
    let ws = workspace();
    let root = ws.path();
    let first = privflow(
        root,
        &["baseline", "--workspace", "--message-format", "json"],
    );
    let line: serde_json::Value = serde_json::from_slice(&first.stdout).expect("one JSON line");
    assert_eq!(line["reason"], "baseline");
    assert_eq!(line["file"], "privflow-baseline.json");
    assert_eq!(
        (line["errors"].clone(), line["warnings"].clone()),
        (2.into(), 0.into())
    );
    assert!(line["added"].is_null(), "no previous baseline: {line}");
    let again = privflow(
        root,
        &["baseline", "--workspace", "--message-format", "json"],
    );
    let line: serde_json::Value = serde_json::from_slice(&again.stdout).expect("one JSON line");
    assert_eq!(
        (line["added"].clone(), line["removed"].clone()),
        (0.into(), 0.into())
    );
}

#[test]
fn the_data_map_ignores_the_baseline() {
    let ws = workspace();
    let root = ws.path();
    std::fs::write(baseline_file(root), "not JSON").expect("write");
    let out = privflow(root, &["map", "--workspace", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let map: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the map");
    assert_eq!(map["flows"].as_array().map(Vec::len), Some(2));
}

/// A committed `privflow-baseline.json` that is a symbolic link to a file outside the workspace:
/// `baseline` refuses to write through it (exit 2, the file named) and the target is unchanged.
#[cfg(unix)]
#[test]
fn baseline_is_never_written_through_a_symlink() {
    let ws = workspace();
    let outside = tempfile::tempdir().expect("a temporary directory");
    let target = outside.path().join("victim.txt");
    std::fs::write(&target, "do not touch\n").expect("write");
    std::os::unix::fs::symlink(&target, baseline_file(ws.path())).expect("symlink");
    let out = privflow(ws.path(), &["privflow", "baseline"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "do not touch\n"
    );

    // A data map written with `-o` onto a link is refused the same way.
    let map_link = ws.path().join("map.md");
    std::os::unix::fs::symlink(&target, &map_link).expect("symlink");
    let out = privflow(
        ws.path(),
        &["privflow", "map", "-o", map_link.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "do not touch\n"
    );
}

/// A baseline path that is a directory is refused, naming it.
#[test]
fn baseline_onto_a_directory_is_refused() {
    let ws = workspace();
    std::fs::create_dir(baseline_file(ws.path())).expect("mkdir");
    let out = privflow(ws.path(), &["privflow", "baseline"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("directory"), "{}", stderr(&out));
}

/// A `privflow-baseline.json` that is a directory is not silently ignored by a check run: the
/// run is incomplete (exit 2) and names it.
#[test]
fn a_baseline_directory_fails_the_check_closed() {
    let ws = workspace();
    std::fs::create_dir(baseline_file(ws.path())).expect("mkdir");
    let out = privflow(ws.path(), &["privflow"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("privflow-baseline.json"),
        "{}",
        stderr(&out)
    );
}
