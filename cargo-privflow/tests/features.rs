//! Cargo features and package selection, through the real binary: `--features`,
//! `--all-features`, `--no-default-features`, an unknown feature, and the member a
//! `--manifest-path` points at.

use std::path::Path;
use std::process::{Command, Output};

fn privflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-privflow"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

/// A PHI log line in each of three variants: `loud` (default), `fixed` (the compliant variant),
/// and `extra` (off by default, enabled by `--all-features`).
const LIB: &str = r#"
pub struct Visit {
    pub diagnosis: String,
}

#[privflow::source(phi)]
pub fn load() -> Visit {
    Visit { diagnosis: String::new() }
}

#[cfg(not(feature = "fixed"))]
pub fn close() {
    println!("{}", load().diagnosis);
}

#[cfg(feature = "fixed")]
pub fn close() {
    println!("closed");
}

#[cfg(all(feature = "extra", not(feature = "fixed")))]
pub fn extra() {
    eprintln!("{}", load().diagnosis);
}
"#;

fn app(dir: &Path, name: &str) {
    write(
        &dir.join(name).join("Cargo.toml"),
        &format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[features]\ndefault = [\"loud\"]\nloud = []\nfixed = []\nextra = []\n"
        ),
    );
    write(&dir.join(name).join("src/lib.rs"), LIB);
}

/// A workspace of two apps, `alpha` and `beta`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    write(
        &dir.path().join("Cargo.toml"),
        "[workspace]\nresolver = \"2\"\nmembers = [\"alpha\", \"beta\"]\n",
    );
    app(dir.path(), "alpha");
    app(dir.path(), "beta");
    dir
}

/// (file, line) of every violation, from JSON lines.
fn findings(out: &Output) -> Vec<(String, u64)> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["reason"] == "violation")
        .map(|v| {
            (
                v["sink"]["file"].as_str().unwrap_or_default().to_string(),
                v["sink"]["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn run(dir: &Path, manifest: &str, extra: &[&str]) -> Output {
    let manifest = dir.join(manifest).display().to_string();
    let mut args = vec!["--manifest-path", &manifest, "--message-format", "json"];
    args.extend_from_slice(extra);
    privflow(&args)
}

#[test]
fn a_member_manifest_selects_that_member_and_the_root_selects_all() {
    let ws = workspace();
    let one = run(ws.path(), "alpha/Cargo.toml", &[]);
    assert_eq!(findings(&one), vec![("alpha/src/lib.rs".to_string(), 13)]);
    assert_eq!(one.status.code(), Some(1));

    let all = run(ws.path(), "Cargo.toml", &[]);
    assert_eq!(
        findings(&all),
        vec![
            ("alpha/src/lib.rs".to_string(), 13),
            ("beta/src/lib.rs".to_string(), 13)
        ]
    );
    let both = run(ws.path(), "alpha/Cargo.toml", &["--workspace"]);
    assert_eq!(findings(&both).len(), 2);
}

#[test]
fn features_choose_the_variant_that_is_analysed() {
    let ws = workspace();
    let fixed = run(ws.path(), "alpha/Cargo.toml", &["--features", "fixed"]);
    assert_eq!(findings(&fixed), vec![]);
    assert_eq!(
        fixed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fixed.stderr)
    );

    let all = run(ws.path(), "alpha/Cargo.toml", &["--all-features"]);
    assert_eq!(findings(&all), vec![], "`fixed` is among all features");

    let extra = run(ws.path(), "alpha/Cargo.toml", &["-F", "loud,extra"]);
    assert_eq!(
        findings(&extra),
        vec![
            ("alpha/src/lib.rs".to_string(), 13),
            ("alpha/src/lib.rs".to_string(), 23)
        ]
    );

    let scoped = run(ws.path(), "Cargo.toml", &["--features", "beta/fixed"]);
    assert_eq!(
        findings(&scoped),
        vec![("alpha/src/lib.rs".to_string(), 13)]
    );
}

#[test]
fn an_unknown_feature_exits_2_with_a_suggestion() {
    let ws = workspace();
    let out = run(ws.path(), "alpha/Cargo.toml", &["--features", "fixd"]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("no selected package has a feature `fixd` (did you mean `fixed`?)"),
        "{stdout}"
    );
    // The rest is still analysed.
    assert_eq!(findings(&out), vec![("alpha/src/lib.rs".to_string(), 13)]);

    let other = run(ws.path(), "alpha/Cargo.toml", &["--features", "beta/fixed"]);
    assert_eq!(other.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&other.stdout)
        .contains("names package `beta`, which is not selected"));
}

/// A library whose logging code sits behind a feature that only its dependent turns on
/// (`lib = { path = "../lib", features = ["full"] }`), as cargo unifies features when it builds
/// the workspace: analysed when the workspace is, not when the library is checked on its own.
#[test]
fn features_a_member_enables_on_another_are_analysed() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path();
    write(
        &root.join("Cargo.toml"),
        "[workspace]\nresolver = \"2\"\nmembers = [\"lib\", \"app\", \"other\"]\n",
    );
    write(
        &root.join("lib/Cargo.toml"),
        "[package]\nname = \"lib\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[features]\nfull = [\"impls\"]\nimpls = []\nextra = []\n",
    );
    write(
        &root.join("lib/src/lib.rs"),
        r#"
pub struct Visit {
    pub diagnosis: String,
}

#[privflow::source(phi)]
pub fn load() -> Visit {
    Visit { diagnosis: String::new() }
}

#[cfg(feature = "impls")]
pub fn close() {
    println!("{}", load().diagnosis);
}

#[cfg(feature = "extra")]
pub fn extra() {
    println!("{}", load().diagnosis);
}
"#,
    );
    write(
        &root.join("app/Cargo.toml"),
        "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nlib = { path = \"../lib\", features = [\"full\"] }\n",
    );
    write(&root.join("app/src/lib.rs"), "pub fn run() {}\n");
    // `extra` is asked for only by a feature of `other` that is off.
    write(
        &root.join("other/Cargo.toml"),
        "[package]\nname = \"other\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n\n[features]\nloud = [\"lib/extra\"]\n",
    );
    write(&root.join("other/src/lib.rs"), "pub fn run() {}\n");

    let all = findings(&run(root, "Cargo.toml", &[]));
    assert_eq!(all, vec![("lib/src/lib.rs".to_string(), 13)], "{all:?}");
    // Checked on its own, the library has `full` off: nothing behind it is analysed.
    let alone = findings(&run(root, "lib/Cargo.toml", &[]));
    assert!(alone.is_empty(), "{alone:?}");
    // `other/loud` turns `lib/extra` on.
    let loud = findings(&run(root, "Cargo.toml", &["--features", "other/loud"]));
    assert_eq!(
        loud,
        vec![
            ("lib/src/lib.rs".to_string(), 13),
            ("lib/src/lib.rs".to_string(), 18)
        ],
        "{loud:?}"
    );
}
